// cc_gen_synthetic: writes a deterministic synthetic ClinConsensus repository of any size
// for the benchmarks: clinconsensus.yaml, schema/ and prompts/ (copied from the project), and
// cases/<code>/CC-NNNN.yaml + rubrics/<code>/CC-NNNN.yaml that validate clean.
//
//   cc_gen_synthetic --out DIR [--cases 2500] [--criteria 30] [--seed 1] [--source PROJECT]
//
// Labels come from the project's schema/taxonomy.yaml; tiers, stages and audiences follow
// the shares in its clinconsensus.yaml. Text is composed from clinical phrases with a
// seeded std::mt19937_64 and an integer mapping of our own (no std:: distributions), so a
// seed gives byte-identical files with every compiler and standard library.
// The content is synthetic nonsense-with-structure: never use it as medical advice.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "checks/schema_sync.h"
#include "core/config.h"
#include "core/taxonomy.h"
#include "core/yaml_loader.h"

namespace fs = std::filesystem;

#ifndef CC_SOURCE_DIR
#define CC_SOURCE_DIR "."
#endif

namespace {

using Words = std::vector<std::string>;

// The PRNG and the only ways this tool maps its output to choices.
struct Rng {
  std::mt19937_64 g;
  explicit Rng(uint64_t seed) : g(seed) {}
  uint64_t below(uint64_t n) { return n ? g() % n : 0; }  // bias < 2^-50: irrelevant here
  int in(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo + 1))); }
  const std::string& pick(const Words& w) { return w[below(w.size())]; }
  bool chance(int percent) { return below(100) < static_cast<uint64_t>(percent); }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
};

// ---- Vocabulary -----------------------------------------------------------------------
// Two or three typical conditions per specialty code; unknown codes use the generic list.
const std::map<std::string, Words> kDiseases = {
    {"cardiology", {"阵发性心房颤动", "慢性心力衰竭", "高血压病3级"}},
    {"pulmonology", {"慢性阻塞性肺疾病急性加重", "社区获得性肺炎", "支气管哮喘"}},
    {"gastroenterology", {"消化性溃疡", "慢性乙型肝炎", "溃疡性结肠炎"}},
    {"neurology", {"急性缺血性卒中", "帕金森病", "偏头痛"}},
    {"nephrology", {"慢性肾脏病3期", "IgA肾病", "肾病综合征"}},
    {"endocrinology", {"2型糖尿病", "甲状腺功能亢进症", "骨质疏松症"}},
    {"hematology", {"缺铁性贫血", "免疫性血小板减少症", "慢性髓系白血病"}},
    {"rheumatology", {"类风湿关节炎", "系统性红斑狼疮", "痛风性关节炎"}},
    {"infectious-disease", {"带状疱疹", "肺结核", "尿路感染"}},
    {"oncology", {"非小细胞肺癌", "乳腺癌术后", "结直肠癌"}},
    {"general-surgery", {"急性阑尾炎", "胆囊结石伴胆囊炎", "腹股沟疝"}},
    {"orthopedics", {"腰椎间盘突出症", "膝骨关节炎", "股骨颈骨折"}},
    {"neurosurgery", {"慢性硬膜下血肿", "垂体腺瘤", "颅内动脉瘤"}},
    {"cardiothoracic-surgery", {"肺部磨玻璃结节", "冠心病三支病变", "主动脉瓣狭窄"}},
    {"urology", {"良性前列腺增生", "输尿管结石", "膀胱过度活动症"}},
    {"gynecology", {"子宫肌瘤", "多囊卵巢综合征", "宫颈上皮内瘤变"}},
    {"obstetrics", {"妊娠期糖尿病", "妊娠期高血压", "先兆早产"}},
    {"pediatrics", {"儿童支气管肺炎", "川崎病", "儿童急性胃肠炎"}},
    {"neonatology", {"新生儿黄疸", "早产儿喂养不耐受", "新生儿低血糖"}},
    {"ophthalmology", {"原发性开角型青光眼", "年龄相关性白内障", "糖尿病视网膜病变"}},
    {"otolaryngology", {"慢性鼻窦炎", "突发性聋", "阻塞性睡眠呼吸暂停"}},
    {"stomatology", {"慢性牙周炎", "智齿冠周炎", "复发性口腔溃疡"}},
    {"dermatology", {"特应性皮炎", "银屑病", "慢性荨麻疹"}},
    {"psychiatry", {"抑郁障碍", "广泛性焦虑障碍", "失眠障碍"}},
    {"emergency-medicine", {"急性胸痛", "有机磷农药中毒", "过敏性休克"}},
    {"critical-care", {"脓毒性休克", "急性呼吸窘迫综合征", "重症急性胰腺炎"}},
    {"anesthesiology", {"术前评估", "术后镇痛", "困难气道"}},
    {"rehabilitation", {"脑卒中后偏瘫", "膝关节置换术后", "颈椎病"}},
    {"general-practice", {"多重慢病共存", "不明原因乏力", "高脂血症"}},
    {"geriatrics", {"老年衰弱", "跌倒高风险", "轻度认知障碍"}},
    {"tcm", {"脾胃虚弱证", "肝郁气滞证", "气虚血瘀证"}},
    {"clinical-nutrition", {"肿瘤相关营养不良", "肥胖症", "肠内营养支持"}},
    {"radiology", {"肺结节随访", "肝脏占位", "甲状腺结节"}},
    {"clinical-pharmacy", {"多重用药", "华法林剂量调整", "抗菌药物合理使用"}},
    {"preventive-medicine", {"体检发现血脂异常", "成人疫苗接种", "结直肠癌筛查"}},
    {"reproductive-medicine", {"不孕症", "卵巢储备功能减退", "辅助生殖前评估"}},
};
const Words kGenericDiseases = {"慢性疾病", "反复发作的症状", "待明确诊断的疾病"};

const Words kOccupations = {"退休教师", "公司职员", "个体经营者", "农民", "出租车司机", "大学生",   "家庭主妇",
                            "建筑工人", "会计",     "退休工人",   "厨师", "中学生",     "外卖骑手", "销售人员"};
const Words kDurations = {"近3个月", "近2周", "半年来", "1年余", "近1个月", "3天前", "近10天", "2年来"};
const Words kSymptoms = {"反复心悸", "活动后气促", "上腹部隐痛", "间断头痛头晕",   "双下肢水肿", "乏力伴食欲减退",
                         "咳嗽咳痰", "关节肿痛",   "夜间睡眠差", "体重下降约5 kg", "尿频尿急",   "皮肤瘙痒",
                         "视物模糊", "腰背部疼痛", "低热伴盗汗", "情绪低落",       "胸闷不适",   "反复腹泻"};
const Words kCourses = {"休息后可部分缓解", "症状逐渐加重",           "夜间明显",          "劳累后加重",
                        "自行服药效果不佳", "曾在社区就诊未明确诊断", "近1周发作较前频繁", "与饮食无明显关系"};
const Words kHistory = {"高血压10年",     "2型糖尿病6年",      "高脂血症3年",       "慢性胃炎多年",     "痛风5年",
                        "无特殊既往病史", "甲状腺功能减退2年", "冠心病支架术后4年", "慢性乙型肝炎携带", "哮喘病史"};
const Words kHabits = {"吸烟20年，每日约10支", "不吸烟，偶尔饮酒", "饮食偏咸",      "平素运动较少",
                       "作息不规律",           "已戒烟5年",        "饮酒约每日2两", "近期工作压力较大"};
const Words kMeds = {"氨氯地平5 mg每日1次",   "二甲双胍0.5 g每日2次",         "阿托伐他汀20 mg每晚1次",
                     "阿司匹林100 mg每日1次", "奥美拉唑20 mg每日1次",         "左甲状腺素50 μg每日1次",
                     "缬沙坦80 mg每日1次",    "美托洛尔缓释片47.5 mg每日1次", "别嘌醇0.1 g每日1次",
                     "间断自行服用布洛芬",    "某保健品（成分不详）"};
const Words kFindings = {"双肺呼吸音清",         "心律不齐",     "腹软无压痛",   "双下肢轻度凹陷性水肿",
                         "神经系统查体未见异常", "甲状腺无肿大", "右膝关节压痛", "皮肤可见散在红斑",
                         "剑突下轻压痛",         "颈软无抵抗"};
const Words kLabs = {"血红蛋白", "血小板", "血肌酐", "ALT",       "空腹血糖",  "HbA1c",
                     "LDL-C",    "尿酸",   "血钾",   "C反应蛋白", "NT-proBNP", "TSH"};
const std::vector<std::pair<int, int>> kLabRange = {  // tenths
    {820, 1650}, {650, 3900},  {450, 2600}, {80, 1200}, {42, 140},    {48, 112},
    {15, 52},    {1800, 6200}, {31, 56},    {2, 850},   {150, 95000}, {4, 120}};
const Words kLabUnits = {"g/L",    "×10^9/L", "μmol/L", "U/L",  "mmol/L", "%",
                         "mmol/L", "μmol/L",  "mmol/L", "mg/L", "pg/mL",  "mIU/L"};
const Words kImaging = {"心电图未见明显ST-T改变", "胸部CT见右肺下叶少许炎症", "腹部超声提示脂肪肝",
                        "超声心动图LVEF 58%",     "头颅MRI未见急性病灶",      "双膝X线示关节间隙变窄",
                        "甲状腺超声见多发结节",   "胃镜示胃窦黏膜糜烂"};
const Words kPlans = {"门诊医生建议进一步完善检查", "医生建议调整目前治疗方案",   "医生建议住院治疗",
                      "医生建议定期随访复查",       "医生建议先进行生活方式干预", "医生建议请相关专科会诊"};
const Words kLayOpeners = {"医生说我", "我家里人", "体检报告显示我", "社区医生告诉我们", "我在网上查到"};
const Words kLayWorries = {"平时饮食和运动要注意些什么？", "这个病会不会越来越严重？", "需要长期吃药吗？",
                           "什么情况下需要马上去医院？",   "吃药会不会伤肝伤肾？",     "能不能用保健品代替吃药？",
                           "多久需要复查一次？",           "家里人需要一起做检查吗？"};
const Words kProFrames = {"请结合最新指南，", "请按临床思路分步骤，", "请以带教查房的方式，", "请简明扼要地，"};
const Words kProAsks = {"说明需要重点关注的风险及处理原则。", "列出下一步需要完善的检查并说明理由。",
                        "给出与患者及家属沟通的要点。", "指出目前方案中可能存在的问题。"};

// Criterion pieces: a lead per axis code, a core (with the condition) and a tail.
const std::map<std::string, Words> kLeads = {
    {"accuracy", {"指出", "明确说明", "正确判断", "准确解释", "正确识别", "说明"}},
    {"completeness", {"完整列出", "补充说明", "全面评估", "提及", "同时考虑"}},
    {"safety", {"提醒警惕", "明确告知", "强调避免", "提示需紧急就医评估", "提醒监测"}},
    {"evidence", {"引用指南推荐", "依据循证证据说明", "按照专家共识指出", "结合高质量研究说明"}},
    {"actionability", {"给出可执行的", "具体说明", "制定清晰的", "建议分步骤落实"}},
    {"communication", {"用通俗语言解释", "对患者的担忧给予回应并说明", "语气温和地说明", "避免堆砌术语地解释"}},
    {"instruction-following", {"逐一回答提问中的", "按要求的格式给出", "紧扣问题回答"}},
};
const Words kGenericLeads = {"说明", "指出", "提及"};
const Words kCores = {"{d}的主要诊断依据及与本例表现的对应关系",
                      "{d}需要与哪些常见疾病鉴别",
                      "{d}目前的严重程度分级",
                      "{d}相关的药物剂量、疗程及调整原则",
                      "{d}治疗中常见不良反应的识别方法",
                      "{d}的复查项目和复查间隔",
                      "{d}患者出现病情加重的预警症状",
                      "{d}的非药物治疗措施及生活方式调整",
                      "{d}相关检查结果的临床意义",
                      "本例合并用药之间可能存在的相互作用",
                      "本例肝肾功能对用药选择的影响",
                      "本例高龄或合并症带来的额外风险",
                      "本例目前方案中不合理或需停用的药物",
                      "{d}长期管理的目标值",
                      "{d}的转诊指征和就诊科室",
                      "患者自行停药或加量可能带来的后果",
                      "{d}在饮食、运动和睡眠方面的注意事项",
                      "本例需要补充询问的病史要点"};
const Words kTails = {"，并说明理由",
                      "，避免泛泛而谈",
                      "，内容与本例具体情况相符",
                      "，结论明确",
                      "，不给出错误的剂量或数值",
                      "，必要时建议线下就诊",
                      "，并与患者的问题直接对应",
                      "",
                      "",
                      ""};

// ---- Taxonomy and config -----------------------------------------------------------------
struct Label {
  std::string code, zh;
};
struct Taxonomy {
  std::vector<Label> specialties, tasks, difficulty, stages, audiences, axes;
  Words markers;
};

std::vector<Label> labels_of(const nlohmann::json& root, const char* key) {
  std::vector<Label> out;
  for (const auto& n : root.value(key, nlohmann::json::array()))
    out.push_back({n.value("code", std::string()), n.value("zh", std::string())});
  if (out.empty()) throw std::runtime_error(std::string("taxonomy has no ") + key);
  return out;
}

// The file as JSON, read with the project's own loader.
nlohmann::json load_yaml(const fs::path& file) {
  cc::LoadResult r = cc::load_yaml_file(file.string(), file.string(), cc::LoadLimits{}, cc::Lang::En);
  if (!r.document) {
    std::string why = r.diagnostics.empty() ? "unreadable" : r.diagnostics[0].message;
    throw std::runtime_error(file.string() + ": " + why);
  }
  return std::move(r.document->root);
}

// The copied schemas follow the written config (criteria_per_case = --criteria), as
// `clinconsensus schema sync` would make them, so the repository validates clean.
void sync_copied_schemas(const fs::path& out) {
  cc::ConfigLoad cfg = cc::load_config(out.string(), cc::Lang::En);
  if (!cfg.config) throw std::runtime_error("the written clinconsensus.yaml does not load");
  cc::TaxonomyLoad tax =
      cc::load_taxonomy(cfg.config->abs(cfg.config->taxonomy_path), cfg.config->taxonomy_path, cc::Lang::En);
  if (!tax.taxonomy) throw std::runtime_error("the copied taxonomy does not load");
  auto synced = cc::sync_schemas(*cfg.config, *tax.taxonomy, false);
  if (!synced) throw std::runtime_error(synced.error().message);
}

Taxonomy load_taxonomy(const fs::path& file) {
  nlohmann::json root = load_yaml(file);
  Taxonomy t{labels_of(root, "specialties"),
             labels_of(root, "tasks"),
             labels_of(root, "difficulty"),
             labels_of(root, "care_stages"),
             labels_of(root, "audiences"),
             labels_of(root, "axes"),
             {}};
  for (const auto& m : root.value("professional_role_markers", nlohmann::json::array()))
    if (m.is_string()) t.markers.push_back(m.get<std::string>());
  return t;
}

// A scalar of the config below `keys`, or `fallback` when it is missing or of another type.
template <class T>
T config_value(const nlohmann::json& root, std::initializer_list<std::string> keys, T fallback) {
  const nlohmann::json* node = &root;
  for (const auto& k : keys) {
    if (!node->is_object() || !node->contains(k)) return fallback;
    node = &(*node)[k];
  }
  if constexpr (std::is_same_v<T, std::string>) {
    return node->is_string() ? node->get<std::string>() : fallback;
  } else {
    return node->is_number() ? node->get<T>() : fallback;
  }
}

// N label indices in the config's shares of `dim` (largest remainder), shuffled; `by_code`
// says which name the shares use. Missing shares count as equal.
std::vector<size_t> quota(Rng& rng, size_t n, const std::vector<Label>& labels, const nlohmann::json& config,
                          const char* dim, bool by_code) {
  std::vector<uint64_t> w;
  for (const auto& l : labels)
    w.push_back(static_cast<uint64_t>(
        config_value<double>(config, {"targets", "shares", dim, by_code ? l.code : l.zh}, 1.0) * 1000 + 0.5));
  uint64_t total = 0;
  for (auto x : w) total += x;
  std::vector<size_t> count(labels.size());
  std::vector<std::pair<uint64_t, size_t>> rest;
  size_t given = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    count[i] = total ? static_cast<size_t>(n * w[i] / total) : 0;
    given += count[i];
    rest.push_back({total ? n * w[i] % total : 0, i});
  }
  std::stable_sort(rest.begin(), rest.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (size_t i = 0; given < n; ++i, ++given) ++count[rest[i % rest.size()].second];
  std::vector<size_t> out;
  for (size_t i = 0; i < labels.size(); ++i) out.insert(out.end(), count[i], i);
  rng.shuffle(out);
  return out;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// The project's config with the counts of this run (per-specialty bounds scaled only when
// the case count differs from the project's target).
std::string adapt_config(const std::string& text, size_t cases, int criteria, size_t n_specialties, bool rescale) {
  std::istringstream in(text);
  std::string line, out;
  size_t per = cases / std::max<size_t>(1, n_specialties);
  while (std::getline(in, line)) {
    std::string indent = line.substr(0, line.find_first_not_of(' '));
    std::string body = line.substr(indent.size());
    if (body.rfind("criteria_per_case:", 0) == 0)
      line = indent + "criteria_per_case: " + std::to_string(criteria);
    else if (body.rfind("total_cases:", 0) == 0)
      line = indent + "total_cases: " + std::to_string(cases);
    else if (rescale && body.rfind("per_specialty:", 0) == 0)
      line = indent + "per_specialty: {min: " + std::to_string(per * 7 / 10) +
             ", max: " + std::to_string(per * 3 / 2 + 1) + "}";
    out += line + '\n';
  }
  return out;
}

// ---- One case ------------------------------------------------------------------------
struct Pick {
  size_t specialty, task, difficulty, stage, audience;
};

// A string built with <<, which C++17 evaluates left to right: the PRNG is called in the
// same order by every compiler (the operands of + are unsequenced, so never mix it with rng).
struct Text {
  std::string s;
  Text& operator<<(const std::string& x) {
    s += x;
    return *this;
  }
  Text& operator<<(const char* x) {
    s += x;
    return *this;
  }
  Text& operator<<(int x) {
    s += std::to_string(x);
    return *this;
  }
};

std::string two_digits(int n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? '0' + s : s;
}
std::string decimal(int tenths) { return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10); }
std::string replace_d(std::string s, const std::string& d) {
  for (size_t at; (at = s.find("{d}")) != std::string::npos;) s.replace(at, 3, d);
  return s;
}
bool has_marker(const std::string& role, const Words& markers) {
  for (const auto& m : markers)
    if (!m.empty() && role.find(m) != std::string::npos) return true;
  return false;
}

// `n` distinct label indices other than `primary`, appended after it.
std::vector<size_t> with_extra(Rng& rng, size_t primary, size_t size, int n) {
  std::vector<size_t> out{primary};
  for (int tries = 0; static_cast<int>(out.size()) < n + 1 && tries < 20; ++tries) {
    size_t x = rng.below(size);
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  }
  return out;
}

std::string context_text(Rng& rng, const std::string& disease) {
  Text t;
  t << "患者" << (rng.chance(50) ? "男" : "女") << "，" << rng.in(18, 86) << "岁，" << rng.pick(kOccupations) << "。"
    << rng.pick(kDurations) << rng.pick(kSymptoms) << "，伴" << rng.pick(kSymptoms) << "，" << rng.pick(kCourses)
    << "。既往" << rng.pick(kHistory) << "，" << rng.pick(kHabits) << "。目前用药：" << rng.pick(kMeds) << "，"
    << rng.pick(kMeds) << "。查体：体温" << decimal(rng.in(362, 378)) << "℃，血压" << rng.in(100, 172) << "/"
    << rng.in(60, 102) << " mmHg，心率" << rng.in(56, 112) << "次/分，" << rng.pick(kFindings) << "，"
    << rng.pick(kFindings) << "。检查：";
  std::vector<size_t> lab(kLabs.size());
  for (size_t i = 0; i < lab.size(); ++i) lab[i] = i;
  rng.shuffle(lab);
  int labs = rng.in(3, 5);
  for (int i = 0; i < labs; ++i) {
    size_t k = lab[static_cast<size_t>(i)];
    t << kLabs[k] << " " << decimal(rng.in(kLabRange[k].first, kLabRange[k].second)) << " " << kLabUnits[k]
      << (i + 1 < labs ? "，" : "；");
  }
  t << rng.pick(kImaging) << "。门诊初步考虑" << disease << "，" << rng.pick(kPlans) << "。";
  return t.s;
}

std::string request_text(Rng& rng, const std::string& disease, const std::string& task, bool lay) {
  Text t;
  if (lay)
    t << rng.pick(kLayOpeners) << "可能是" << disease << "，想问问这种情况应该怎么办？" << rng.pick(kLayWorries)
      << rng.pick(kLayWorries) << "我们不太懂医学术语，希望能说得通俗一些。";
  else
    t << "这是一例" << disease << "患者，" << rng.pick(kProFrames) << "围绕“" << task << "”完成分析，并"
      << rng.pick(kProAsks) << "如有需要进一步明确的信息，请一并列出。";
  return t.s;
}

void write_case(const fs::path& out, const Taxonomy& tax, const Pick& p, const std::string& id, uint64_t seed,
                int n_criteria, const Words& lay_roles, const Words& pro_roles) {
  Rng rng(seed);
  const Label& spec = tax.specialties[p.specialty];
  auto dit = kDiseases.find(spec.code);
  const std::string& disease = rng.pick(dit != kDiseases.end() ? dit->second : kGenericDiseases);
  bool lay = tax.audiences[p.audience].code == "lay";
  const std::string& role = rng.pick(lay ? lay_roles : pro_roles);

  std::string c =
      "# yaml-language-server: $schema=../../schema/case.schema.json\n"
      "# 合成病例：由 cc_gen_synthetic 生成，仅用于性能测试，内容虚构，不得用于临床决策。\n";
  c += "case_id: " + id + "\n";
  int st = rng.in(0, 99);
  c += std::string("status: ") + (st < 88 ? "approved" : st < 95 ? "review" : "draft") + "\n";
  c += "difficulty: " + tax.difficulty[p.difficulty].code + "\n";
  c += "subject: " + spec.zh + "\nsubject_labels:\n";
  for (size_t s : with_extra(rng, p.specialty, tax.specialties.size(), rng.in(0, 2)))
    c += "  - " + tax.specialties[s].zh + "\n";
  c += "task: " + tax.tasks[p.task].zh + "\ntask_labels:\n";
  for (size_t t : with_extra(rng, p.task, tax.tasks.size(), rng.in(0, 2))) c += "  - " + tax.tasks[t].zh + "\n";
  c += "care_stage: " + tax.stages[p.stage].zh + "\n";
  c += "user_role: " + role + "\naudience: " + tax.audiences[p.audience].code + "\n";
  c += "clinical_context: |\n  " + context_text(rng, disease) + "\n";
  c += "user_request: |\n  " + request_text(rng, disease, tax.tasks[p.task].zh, lay) + "\n";
  c += "authors: [合成作者" + two_digits(rng.in(1, 40)) + "（" + spec.zh + "）]\n";
  Text prov;
  prov << "provenance:\n  source: synthetic\n  created: \"20" << rng.in(24, 26) << "-" << two_digits(rng.in(1, 12))
       << "-" << two_digits(rng.in(1, 28)) << "\"\n  notes: 合成病例，仅用于性能测试。\n";
  c += prov.s;
  write_text(out / "cases" / spec.code / (id + ".yaml"), c);

  // Axes: accuracy, safety and completeness at least once (when the count allows), the
  // rest weighted, then shuffled into place.
  static const std::map<std::string, int> weight = {
      {"accuracy", 8},      {"completeness", 5},         {"safety", 5}, {"evidence", 3}, {"actionability", 4},
      {"communication", 3}, {"instruction-following", 2}};
  std::vector<size_t> axes;
  for (const char* must : {"accuracy", "safety", "completeness"})
    for (size_t i = 0; i < tax.axes.size(); ++i)
      if (tax.axes[i].code == must && static_cast<int>(axes.size()) < n_criteria) axes.push_back(i);
  int wsum = 0;
  for (const auto& a : tax.axes) wsum += weight.count(a.code) ? weight.at(a.code) : 2;
  while (static_cast<int>(axes.size()) < n_criteria) {
    int r = static_cast<int>(rng.below(static_cast<uint64_t>(wsum)));
    size_t i = 0;
    for (; i + 1 < tax.axes.size(); ++i) {
      r -= weight.count(tax.axes[i].code) ? weight.at(tax.axes[i].code) : 2;
      if (r < 0) break;
    }
    axes.push_back(i);
  }
  rng.shuffle(axes);

  std::string r =
      "# yaml-language-server: $schema=../../schema/rubric.schema.json\n"
      "# 合成评分标准：由 cc_gen_synthetic 生成，仅用于性能测试。\n";
  r += "case_id: " + id + "\ncriteria:\n";
  for (int j = 0; j < n_criteria; ++j) {
    const Label& axis = tax.axes[axes[j]];
    auto lit = kLeads.find(axis.code);
    Text text;
    text << rng.pick(lit != kLeads.end() ? lit->second : kGenericLeads) << replace_d(rng.pick(kCores), disease)
         << rng.pick(kTails) << "。";
    bool critical = (axis.code == "safety" || axis.code == "accuracy") && rng.chance(35);
    r += "  - criterion_id: " + id + "-R" + two_digits(j + 1) + "\n    criterion: " + text.s +
         "\n    axis: " + axis.zh + "\n    critical: " + (critical ? "true" : "false") + "\n";
    if (rng.chance(4)) r += "    revision: 2\n";
  }
  Text review;
  review << "review:\n  reviewers: [合成审核者" << two_digits(rng.in(1, 30)) << ", 合成审核者"
         << two_digits(rng.in(31, 60)) << "]\n  rounds: " << rng.in(1, 3) << "\n  agreement: 0." << rng.in(80, 98)
         << "\n  notes: 合成评分标准，仅用于性能测试。\n";
  r += review.s;
  write_text(out / "rubrics" / spec.code / (id + ".yaml"), r);
}

int usage(const char* msg) {
  std::cerr << "cc_gen_synthetic: " << msg
            << "\nusage: cc_gen_synthetic --out DIR [--cases 2500] [--criteria 30] [--seed 1] [--source PROJECT]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir, source = CC_SOURCE_DIR;
  long cases = 2500, criteria = 30;
  unsigned long long seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
    std::string v = argv[++i];
    char* end = nullptr;
    if (a == "--out")
      out_dir = v;
    else if (a == "--source")
      source = v;
    else if (a == "--cases")
      cases = std::strtol(v.c_str(), &end, 10);
    else if (a == "--criteria")
      criteria = std::strtol(v.c_str(), &end, 10);
    else if (a == "--seed")
      seed = std::strtoull(v.c_str(), &end, 10);
    else
      return usage(("unknown option " + a).c_str());
    if (end && *end) return usage(("not a number: " + v).c_str());
  }
  if (out_dir.empty()) return usage("--out is required");
  if (cases < 1 || cases > 999999 || criteria < 1 || criteria > 99) return usage("--cases 1..999999, --criteria 1..99");
  try {
    fs::path out(out_dir), src(source);
    const fs::path marker = out / ".cc_synthetic";
    std::error_code ec;
    if (fs::exists(out) && !fs::is_empty(out, ec)) {
      if (!fs::exists(marker)) return usage("--out exists, is not empty and was not made by this tool");
      for (const char* sub : {"cases", "rubrics", "schema", "prompts", ".clinconsensus"}) fs::remove_all(out / sub);
    }
    fs::create_directories(out);
    write_text(marker, "generated by cc_gen_synthetic; safe to delete\n");
    fs::copy(src / "schema", out / "schema", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    // The judge prompts, so that generate, judge and eval run on the synthetic repository.
    fs::copy(src / "prompts", out / "prompts", fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    Taxonomy tax = load_taxonomy(src / "schema" / "taxonomy.yaml");
    std::string config_text = read_text(src / "clinconsensus.yaml");
    const nlohmann::json config = load_yaml(src / "clinconsensus.yaml");
    bool rescale = config_value<long>(config, {"targets", "total_cases"}, 0) != cases;
    write_text(out / "clinconsensus.yaml", adapt_config(config_text, static_cast<size_t>(cases),
                                                        static_cast<int>(criteria), tax.specialties.size(), rescale));
    sync_copied_schemas(out);
    const std::string prefix = config_value<std::string>(config, {"id", "prefix"}, "CC-");
    const size_t digits = config_value<size_t>(config, {"id", "digits"}, 4);

    Words lay_roles, pro_roles;
    for (const char* r : {"患者本人", "患者女儿", "患者儿子", "患者妻子", "患者丈夫", "患儿母亲", "患儿父亲",
                          "患者孙女", "孕妇本人", "社区居民", "退休职工", "患者家属"})
      if (!has_marker(r, tax.markers)) lay_roles.push_back(r);
    for (const char* r : {"规培医师", "住院医师", "主治医师", "社区全科医生", "临床药师", "专科护士", "医学生",
                          "实习医生", "麻醉医师", "带教老师", "乡镇卫生院医生", "医务科干事"})
      if (has_marker(r, tax.markers)) pro_roles.push_back(r);
    if (lay_roles.empty() || pro_roles.empty())
      throw std::runtime_error("taxonomy markers leave no lay or no professional role");

    // Balanced labels: every specialty × task cell as evenly as the count allows, and the
    // configured shares of tiers, stages and audiences, each shuffled independently.
    Rng rng(seed);
    size_t n = static_cast<size_t>(cases), ns = tax.specialties.size(), nt = tax.tasks.size();
    std::vector<size_t> cells(n);
    for (size_t i = 0; i < n; ++i) cells[i] = i % (ns * nt);
    rng.shuffle(cells);
    auto diff = quota(rng, n, tax.difficulty, config, "difficulty", true);
    auto stage = quota(rng, n, tax.stages, config, "care_stage", false);
    auto aud = quota(rng, n, tax.audiences, config, "audience", true);
    for (size_t i = 0; i < n; ++i) {
      std::string num = std::to_string(i + 1);
      std::string id = prefix + std::string(num.size() < digits ? digits - num.size() : 0, '0') + num;
      Pick p{cells[i] % ns, cells[i] / ns, diff[i], stage[i], aud[i]};
      write_case(out, tax, p, id, seed * 0x9E3779B97F4A7C15ULL + i + 1, static_cast<int>(criteria), lay_roles,
                 pro_roles);
    }
    std::cout << "wrote " << n << " cases and " << n << " rubrics (" << n * static_cast<size_t>(criteria)
              << " criteria) to " << out.string() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "cc_gen_synthetic: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
