"""Vocabulary for the synthetic ledgers: units, people, industries, issue and task templates.

Closed vocabularies (stages, procedures, levels) come from `projledger.model`, so the
generator cannot drift from what `check` accepts; the rest is realistic sample text.
"""

from dataclasses import dataclass

from projledger.model.config import DEFAULT_CONTINUING_STAGES, DEFAULT_STAGES
from projledger.model.enums import Level
from projledger.model.project import ApprovalKind

ORGANISATION = "济南市莱芜区发展和改革局"
PROVINCE_PREFIX = "鲁"
REGION_CODE = "370116"  # 莱芜区's administrative division code, used in codes and permits

STAGES = DEFAULT_STAGES
CONTINUING_STAGES = DEFAULT_CONTINUING_STAGES

# The six approval procedures in the order a project usually obtains them.
APPROVALS = ApprovalKind.ALL

LEVELS = tuple(level.value for level in Level)

# Pools with their share of a city's ledger (most projects are new or continuing).
POOL_WEIGHTS = {
    "谋划储备": 8,
    "在谈": 10,
    "签约": 10,
    "新建": 30,
    "续建": 30,
    "竣工": 7,
    "退库": 5,
}

ISSUE_STATE_WEIGHTS = {
    "已登记": 12,
    "已交办": 15,
    "办理中": 25,
    "待核验": 10,
    "已销号": 25,
    "持续推进": 8,
    "已撤销": 5,
}


@dataclass(frozen=True)
class UnitSpec:
    """A declared unit: full name, short name and kind."""

    name: str
    short: str
    kind: str


@dataclass(frozen=True)
class PersonSpec:
    """A declared person; `unit` is the full name of a declared unit."""

    name: str
    unit: str
    title: str


GOVERNMENT = "莱芜区人民政府"
NDRC = "莱芜区发展和改革局"
NATRES = "济南市自然资源和规划局莱芜分局"
ENV = "济南市生态环境局莱芜分局"
HOUSING = "莱芜区住房和城乡建设局"
APPROVAL = "莱芜区行政审批服务局"
FINANCE = "莱芜区财政局"
WATER_BUREAU = "莱芜区水务局"
TRANSPORT = "莱芜区交通运输局"
INDUSTRY = "莱芜区工业和信息化局"
INVEST = "莱芜区投资促进服务中心"
TOURISM = "莱芜区文化和旅游局"
EDUCATION = "莱芜区教育和体育局"
HEALTH = "莱芜区卫生健康局"
HR = "莱芜区人力资源和社会保障局"
POWER = "国网济南市莱芜区供电公司"
WATER = "莱芜区供排水有限公司"
GAS = "莱芜区燃气有限公司"
URBAN_GROUP = "莱芜区城市发展集团有限公司"
FINANCE_GROUP = "莱芜区财金投资集团有限公司"
HIGH_TECH_ZONE = "莱芜高新技术产业开发区管委会"
AGRI_ZONE = "莱芜农业高新技术产业示范区管委会"

# A placeholder in templates for "the town or street office where the project is".
TOWN = "属地"

# Towns and streets: (unit name, short name used as locality, pinyin for ids).
TOWNS = (
    ("高庄街道办事处", "高庄街道", "gaozhuang"),
    ("羊里街道办事处", "羊里街道", "yangli"),
    ("口镇人民政府", "口镇", "kouzhen"),
    ("牛泉镇人民政府", "牛泉镇", "niuquan"),
    ("雪野街道办事处", "雪野街道", "xueye"),
    ("方下街道办事处", "方下街道", "fangxia"),
    ("凤城街道办事处", "凤城街道", "fengcheng"),
    ("张家洼街道办事处", "张家洼街道", "zhangjiawa"),
    ("鹏泉街道办事处", "鹏泉街道", "pengquan"),
    ("大王庄镇人民政府", "大王庄镇", "dawangzhuang"),
)

UNITS = (
    UnitSpec(GOVERNMENT, "区政府", "政府"),
    UnitSpec(NDRC, "区发改局", "部门"),
    UnitSpec(NATRES, "莱芜自然资源分局", "部门"),
    UnitSpec(ENV, "莱芜生态环境分局", "部门"),
    UnitSpec(HOUSING, "区住建局", "部门"),
    UnitSpec(APPROVAL, "区审批局", "部门"),
    UnitSpec(FINANCE, "区财政局", "部门"),
    UnitSpec(WATER_BUREAU, "区水务局", "部门"),
    UnitSpec(TRANSPORT, "区交通局", "部门"),
    UnitSpec(INDUSTRY, "区工信局", "部门"),
    UnitSpec(INVEST, "区投促中心", "部门"),
    UnitSpec(TOURISM, "区文旅局", "部门"),
    UnitSpec("莱芜区科学技术局", "区科技局", "部门"),
    UnitSpec("莱芜区商务局", "区商务局", "部门"),
    UnitSpec("莱芜区农业农村局", "区农业农村局", "部门"),
    UnitSpec("莱芜区应急管理局", "区应急局", "部门"),
    UnitSpec("莱芜区市场监督管理局", "区市场监管局", "部门"),
    UnitSpec("莱芜区综合行政执法局", "区执法局", "部门"),
    UnitSpec(EDUCATION, "区教体局", "部门"),
    UnitSpec(HEALTH, "区卫健局", "部门"),
    UnitSpec(HR, "区人社局", "部门"),
    UnitSpec("济南市公安局莱芜分局", "莱芜公安分局", "部门"),
    UnitSpec("莱芜区统计局", "区统计局", "部门"),
    UnitSpec(POWER, "莱芜供电公司", "企业"),
    UnitSpec(WATER, "区供排水公司", "企业"),
    UnitSpec(GAS, "区燃气公司", "企业"),
    UnitSpec(URBAN_GROUP, "区城发集团", "国企"),
    UnitSpec(FINANCE_GROUP, "区财金集团", "国企"),
    UnitSpec(HIGH_TECH_ZONE, "高新区管委会", "园区"),
    UnitSpec(AGRI_ZONE, "农高区管委会", "园区"),
    *(UnitSpec(name, short, "镇街") for name, short, _ in TOWNS),
)

# Extra people beyond one per unit, for the units that carry most of the work.
EXTRA_STAFF = {
    NDRC: 3,
    NATRES: 2,
    APPROVAL: 2,
    HOUSING: 2,
    HIGH_TECH_ZONE: 2,
    ENV: 1,
    POWER: 1,
    FINANCE: 1,
    INDUSTRY: 1,
    INVEST: 1,
    WATER_BUREAU: 1,
    TRANSPORT: 1,
    TOURISM: 1,
    **{name: 1 for name, _, _ in TOWNS},
}

LEADER_TITLES = (
    "区长",
    "区委副书记",
    "区委常委、常务副区长",
    "区委常委、组织部部长",
    "区委常委、宣传部部长",
    "副区长",
    "副区长",
    "副区长",
    "副区长",
    "区人大常委会副主任",
    "区政协副主席",
    "副区长、高新区党工委书记",
)

STAFF_TITLES = {
    "部门": ("局长", "副局长", "科长", "重点项目科科长", "副科长"),
    "镇街": ("主任", "副主任", "党工委委员", "经济发展办主任"),
    "企业": ("经理", "副经理", "客户服务部主任"),
    "国企": ("董事长", "总经理", "副总经理"),
    "园区": ("主任", "副主任", "招商部部长", "规划建设部部长"),
}

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程"
    "曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范方"
    "石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段亓"
)
GIVEN = (
    "建国振华志刚丽娟海涛明洋伟静磊强雪涛刚平军红霞敏杰勇艳娜辉鹏"
    "超丹宇飞斌波晨曦晓东玉兰桂芳春梅瑞新峰博文慧颖凯俊宏亮鑫佳琳"
    "婷"
)


@dataclass(frozen=True)
class Product:
    """A kind of project: its Chinese name and the pinyin used in the project id."""

    name: str
    slug: str


@dataclass(frozen=True)
class Industry:
    """An industry (行业领域) with the projects it has and how its owners are named."""

    name: str
    code: str  # the industry part of the national project code
    products: tuple[Product, ...]
    owner_words: tuple[str, ...]
    content: str  # 建设内容 template: {product} {n}
    public: bool = False  # public works: owned by a bureau or a state company, named by place
    lead_unit: str = NDRC


def _products(*pairs: tuple[str, str]) -> tuple[Product, ...]:
    return tuple(Product(name, slug) for name, slug in pairs)


INDUSTRIES = (
    Industry(
        "精品钢与先进材料",
        "31",
        _products(
            ("精品钢绿色转型", "jingpingang-zhuanxing"),
            ("新能源产业用钢", "xinnengyuan-yonggang"),
            ("高端棒材", "gaoduan-bangcai"),
            ("特种钢板", "tezhong-gangban"),
            ("粉末冶金新材料", "fenmo-yejin"),
            ("铝合金精深加工", "lvhejin-jiagong"),
        ),
        ("钢铁", "新材料", "特钢", "金属科技"),
        "建设{product}生产线及配套设施，达产后年产{n}万吨，产品附加值显著提高。",
        lead_unit=INDUSTRY,
    ),
    Industry(
        "智能制造与高端装备",
        "34",
        _products(
            ("新能源汽车零部件", "qiche-lingbujian"),
            ("重卡车桥", "zhongka-cheqiao"),
            ("汽车内饰", "qiche-neishi"),
            ("工业机器人", "gongye-jiqiren"),
            ("智能农机装备", "zhineng-nongji"),
            ("精密齿轮", "jingmi-chilun"),
        ),
        ("汽车零部件", "智能装备", "机械", "精密制造"),
        "新建{product}智能化生产车间及研发中心，购置自动化生产线{n}条，达产后年产值显著提升。",
        lead_unit=INDUSTRY,
    ),
    Industry(
        "生物医药与大健康",
        "27",
        _products(
            ("创新药中试基地", "chuangxinyao-zhongshi"),
            ("中药配方颗粒", "zhongyao-keli"),
            ("医疗器械产业园", "yiliao-qixie"),
            ("生物制剂", "shengwu-zhiji"),
            ("医美抗衰", "yimei-kangshuai"),
        ),
        ("生物医药", "制药", "医疗科技", "药业"),
        "建设{product}GMP标准厂房{n}万平方米及质检研发中心，配套建设污水处理设施。",
        lead_unit=HIGH_TECH_ZONE,
    ),
    Industry(
        "电子信息",
        "39",
        _products(
            ("电子元器件", "dianzi-yuanqijian"),
            ("显示屏模组", "xianshiping-mozu"),
            ("数据中心", "shuju-zhongxin"),
            ("智能传感器", "zhineng-chuanganqi"),
        ),
        ("电子科技", "信息技术", "数字科技"),
        "建设{product}生产基地，新建洁净厂房{n}万平方米，引进SMT贴片等生产线。",
        lead_unit=HIGH_TECH_ZONE,
    ),
    Industry(
        "新能源",
        "44",
        _products(
            ("分布式光伏", "fenbushi-guangfu"),
            ("储能电站", "chuneng-dianzhan"),
            ("氢能产业园", "qingneng-chanyeyuan"),
            ("风电", "fengdian"),
        ),
        ("新能源", "能源科技", "电力"),
        "建设{product}项目，装机容量{n}兆瓦，配套建设升压站及送出线路。",
    ),
    Industry(
        "文化旅游",
        "90",
        _products(
            ("文旅综合体", "wenlv-zongheti"),
            ("康养度假区", "kangyang-dujiaqu"),
            ("乡村旅游示范区", "xiangcun-lvyou"),
            ("研学基地", "yanxue-jidi"),
        ),
        ("文化旅游发展", "文旅投资", "旅游开发"),
        "建设{product}，包括游客服务中心、特色街区及停车场，占地{n}亩。",
        lead_unit=TOURISM,
    ),
    Industry(
        "现代物流",
        "59",
        _products(
            ("智慧物流园", "zhihui-wuliuyuan"),
            ("冷链物流中心", "lenglian-wuliu"),
            ("公铁联运", "gongtie-lianyun"),
        ),
        ("物流", "供应链管理"),
        "建设{product}，包括仓储库房{n}万平方米、分拣中心及信息平台。",
    ),
    Industry(
        "现代农业",
        "05",
        _products(
            ("智慧农业园", "zhihui-nongye"),
            ("生姜精深加工", "shengjiang-jiagong"),
            ("黑猪产业园", "heizhu-chanyeyuan"),
        ),
        ("农业科技", "食品", "农业开发"),
        "建设{product}，包括标准化生产基地、加工车间和冷库，带动周边农户{n}户增收。",
        lead_unit=AGRI_ZONE,
    ),
    Industry(
        "城市更新",
        "47",
        _products(
            ("老旧小区改造", "laojiu-xiaoqu"),
            ("城中村改造", "chengzhongcun"),
            ("地下综合管廊", "zonghe-guanlang"),
            ("片区开发", "pianqu-kaifa"),
        ),
        (),
        "实施{product}，涉及建筑面积{n}万平方米，同步完善水电气暖等配套。",
        public=True,
        lead_unit=HOUSING,
    ),
    Industry(
        "交通基础设施",
        "48",
        _products(
            ("道路提升改造", "daolu-tisheng"),
            ("快速路", "kuaisulu"),
            ("桥梁新建", "qiaoliang"),
        ),
        (),
        "实施{product}工程，全长{n}千米，包括道路、排水、照明及绿化工程。",
        public=True,
        lead_unit=TRANSPORT,
    ),
    Industry(
        "水利",
        "76",
        _products(
            ("河道综合治理", "hedao-zhili"),
            ("水库除险加固", "shuiku-jiagu"),
            ("供水管网改造", "gongshui-guanwang"),
        ),
        (),
        "实施{product}工程，治理长度{n}千米，提升防洪排涝和供水保障能力。",
        public=True,
        lead_unit=WATER_BUREAU,
    ),
    Industry(
        "社会民生",
        "83",
        _products(
            ("九年一贯制学校", "xuexiao"),
            ("区人民医院新院区", "yiyuan"),
            ("养老服务中心", "yanglao-zhongxin"),
        ),
        (),
        "建设{product}，总建筑面积{n}万平方米，完善公共服务配套。",
        public=True,
        lead_unit=NDRC,
    ),
)

PUBLIC_OWNERS = (URBAN_GROUP, FINANCE_GROUP, "莱芜区交通投资有限公司", "莱芜区城乡水务发展有限公司")

# Brand names (字号) of enterprises, with pinyin for ids.
BRANDS = (
    ("鲁中", "luzhong"),
    ("泰山", "taishan"),
    ("嬴城", "yingcheng"),
    ("汶源", "wenyuan"),
    ("华信", "huaxin"),
    ("恒通", "hengtong"),
    ("瑞丰", "ruifeng"),
    ("金鼎", "jinding"),
    ("齐鲁", "qilu"),
    ("宏达", "hongda"),
    ("永兴", "yongxing"),
    ("中科", "zhongke"),
    ("海纳", "haina"),
    ("博远", "boyuan"),
    ("天元", "tianyuan"),
    ("凯盛", "kaisheng"),
    ("远航", "yuanhang"),
    ("汇川", "huichuan"),
    ("东岳", "dongyue"),
    ("青石", "qingshi"),
    ("九龙", "jiulong"),
    ("莲花山", "lianhuashan"),
)

VARIANTS = (("", ""), ("一期", "yiqi"), ("二期", "erqi"), ("扩建", "kuojian"))

LEADER_DUTIES = (
    "统筹协调项目建设重大问题，每月现场调度一次",
    "牵头研究解决项目推进中的重大困难，一抓到底",
    "包联推进，每季度听取一次专题汇报",
)
LEAD_UNIT_DUTIES = (
    "项目调度、问题汇总与督办",
    "牵头制定推进计划，每周调度项目进展",
    "负责项目手续代办和要素保障协调",
)
CONTACT_DUTIES = "负责项目日常联络和信息报送"

UNIT_DUTIES = {
    NATRES: "用地手续办理与规划条件核实",
    ENV: "环评审批服务与环保督导",
    HOUSING: "施工安全质量监管及施工许可前期指导",
    APPROVAL: "项目审批手续代办、并联审批",
    FINANCE: "财政资金拨付与专项债券资金管理",
    POWER: "供电线路迁改及用电接入",
    WATER: "供水管网接入",
    GAS: "天然气管道接入",
    TRANSPORT: "厂区外道路建设与交通组织",
    NDRC: "项目调度、资金争取与问题督办",
    INVEST: "招商对接与企业服务",
    HR: "用工保障与专场招聘",
    INDUSTRY: "工业项目效益评估与政策兑现",
}
TOWN_DUTIES = ("项目周边征迁及群众工作", "施工环境保障与矛盾化解", "属地服务与征地拆迁")


@dataclass(frozen=True)
class IssueTemplate:
    """A kind of obstacle. Text fields are format strings over n, half, k, year, town."""

    category: str
    title: str
    description: str
    measures: str
    notes: tuple[str, ...]
    evidence: str
    explanation: str
    closure: str
    unit: str  # the unit that usually answers for it; TOWN means the project's locality
    cause: str
    ns: tuple[int, ...] = (0,)


ISSUES = (
    IssueTemplate(
        "用地",
        "项目用地{n}亩新增建设用地指标未落实",
        "项目需新增建设用地{n}亩，年度新增建设用地指标尚未安排到位，影响供地进度。",
        "争取市级统筹指标，同步开展用地预审和组卷报批。",
        (
            "已上报市级统筹指标申请",
            "市自然资源和规划局已受理组卷材料",
            "用地指标已下达，正在办理供地手续",
        ),
        "用地批复文件（济政土字〔{year}〕{k}号）",
        "新增建设用地指标已落实，用地已获批",
        "用地批复文件及供地公告",
        NATRES,
        "政府",
        (35, 60, 80, 120, 150, 240, 360, 500),
    ),
    IssueTemplate(
        "用地",
        "{n}亩土地组卷报批滞后",
        "地块涉及农用地转用，组卷材料多次补正，报批进度滞后于计划。",
        "成立用地报批工作组，逐项对照补正意见修改完善材料。",
        ("补正材料已报送", "省自然资源厅已受理", "等待省政府批复"),
        "农用地转用批复（{prov}政土字〔{year}〕{k}号）",
        "用地已获省政府批准",
        "用地批复文件",
        NATRES,
        "政府",
        (40, 75, 110, 180, 260),
    ),
    IssueTemplate(
        "用地",
        "地块内{n}亩永久基本农田需调出",
        "项目红线范围内涉及永久基本农田{n}亩，需结合国土空间规划调整调出并落实补划。",
        "结合国土空间总体规划调整方案，申请调出并落实补划。",
        ("调整方案已编制完成", "方案已报市级审查"),
        "规划调整批复文件",
        "永久基本农田已调出并完成补划",
        "规划调整批复及补划验收材料",
        NATRES,
        "政府",
        (6, 12, 25, 48, 90),
    ),
    IssueTemplate(
        "征迁",
        "项目周边{n}户居民征迁",
        "项目用地范围内涉及{town}{n}户居民，需完成签约、腾空和拆除。",
        "成立征迁专班，实行“一户一档”，倒排工期推进签约腾空。",
        ("入户调查完成，评估报告已公示", "签约完成{half}户", "全部签约，腾空拆除基本完成"),
        "征迁签约台账及腾空验收单（{town}〔{year}〕{k}号）",
        "{n}户全部签约腾空，具备施工条件",
        "现场核验照片及验收单",
        TOWN,
        "政府",
        (24, 46, 80, 120, 186, 300),
    ),
    IssueTemplate(
        "征迁",
        "地上附着物{n}处清表未完成",
        "项目红线内尚有苗木、厂棚等地上附着物{n}处未清理。",
        "街道牵头逐户对接补偿，限期完成清表。",
        ("补偿标准已公示", "完成清表{half}处"),
        "清表验收单",
        "附着物全部清理完毕",
        "清表验收单及现场照片",
        TOWN,
        "政府",
        (12, 30, 56, 90),
    ),
    IssueTemplate(
        "征迁",
        "{n}座坟墓迁移",
        "项目用地范围内有坟墓{n}座需迁移安置。",
        "村两委入户做工作，统一迁入公墓。",
        ("已登记全部坟主信息", "完成迁移{half}座"),
        "迁坟登记表及公墓安置证明",
        "坟墓全部迁移",
        "迁坟台账及现场照片",
        TOWN,
        "政府",
        (8, 16, 32, 54),
    ),
    IssueTemplate(
        "资金",
        "地方政府专项债券资金{n}万元未到位",
        "项目申报的专项债券资金{n}万元已发行，尚未拨付到项目。",
        "财政局加快资金拨付流程，项目单位完善支付手续。",
        ("拨付手续已报财政局审核", "已拨付首笔资金{half}万元"),
        "国库集中支付凭证",
        "专项债券资金已全部拨付",
        "资金拨付凭证",
        FINANCE,
        "政府",
        (800, 2000, 5000, 12000, 30000),
    ),
    IssueTemplate(
        "资金",
        "银行贷款{n}万元授信未批复",
        "项目向银行申请固定资产贷款{n}万元，授信审批尚未完成。",
        "组织政银企对接，推荐项目进入重点项目融资清单。",
        ("已召开政银企对接会", "银行已完成尽职调查", "授信已上报总行审批"),
        "银行授信批复",
        "贷款授信已批复，首笔资金已放款",
        "授信批复及放款凭证",
        NDRC,
        "企业",
        (3000, 8000, 20000, 50000),
    ),
    IssueTemplate(
        "资金",
        "中央预算内资金申报要件不全",
        "项目拟申报中央预算内投资{n}万元，可研批复等要件不齐。",
        "指导企业补齐要件，按期报送申报材料。",
        ("可研报告已修改完善", "申报材料已报送市发改委"),
        "申报材料报送回执",
        "申报材料已按要求报送",
        "市发改委受理通知",
        NDRC,
        "企业",
        (500, 1200, 3000, 6000),
    ),
    IssueTemplate(
        "手续",
        "环评审批进度滞后",
        "项目环境影响报告书需按技术评估意见补充修改，审批进度滞后。",
        "生态环境分局提前介入指导，组织专家技术审查。",
        ("报告书已按专家意见修改", "已进入公示期"),
        "环评批复（济环报告表〔{year}〕{k}号）",
        "环评已批复",
        "环评批复文件",
        ENV,
        "企业",
    ),
    IssueTemplate(
        "手续",
        "施工许可证办理受阻",
        "项目施工图审查意见未闭合，施工许可无法办理。",
        "开通绿色通道，实行容缺受理、并联审批。",
        ("施工图审查意见已闭合", "已容缺受理施工许可申请"),
        "建筑工程施工许可证",
        "施工许可证已核发",
        "施工许可证复印件",
        APPROVAL,
        "企业",
    ),
    IssueTemplate(
        "手续",
        "节能审查意见未取得",
        "项目年综合能耗{n}吨标准煤，需取得节能审查意见并落实能耗指标。",
        "协调能耗指标，指导企业修改节能报告。",
        ("节能报告已修改完善", "能耗指标已落实"),
        "节能审查意见（济发改能审〔{year}〕{k}号）",
        "节能审查意见已取得",
        "节能审查意见文件",
        NDRC,
        "企业",
        (3000, 8000, 15000, 42000),
    ),
    IssueTemplate(
        "规划",
        "规划红线与规划道路冲突",
        "项目用地红线与规划道路局部重叠约{n}亩，需调整道路线位。",
        "组织论证道路线位调整方案，报市规委会审议。",
        ("调整方案已论证", "方案已报市规委会审议"),
        "规委会会议纪要（{year}年第{k}次）",
        "道路线位调整完成，红线稳定",
        "规委会会议纪要及批复文件",
        NATRES,
        "政府",
        (3, 8, 15, 26),
    ),
    IssueTemplate(
        "规划",
        "控制性详细规划调整未批复",
        "地块控规用地性质需由仓储用地调整为工业用地。",
        "加快控规调整公示和报批。",
        ("控规调整方案已公示", "已报市政府审批"),
        "控规调整批复",
        "控规调整已获批",
        "市政府批复文件",
        NATRES,
        "政府",
    ),
    IssueTemplate(
        "规划",
        "规划条件核实未完成",
        "项目局部建筑退线不足，规划条件核实未通过。",
        "企业限期整改，自然资源分局现场复核。",
        ("整改方案已确认", "整改完成，申请复核"),
        "规划条件核实合格证",
        "规划核实已通过",
        "规划条件核实合格证",
        NATRES,
        "企业",
    ),
    IssueTemplate(
        "配套",
        "{n}千伏供电线路迁改滞后",
        "厂区内{n}千伏供电线路需迁改，影响二期场地平整。",
        "供电公司编制迁改方案，区发改局协调停电窗口。",
        ("迁改方案已批复", "新建塔基完成过半", "线路已切改投运"),
        "线路迁改竣工验收单",
        "线路迁改完成并投运",
        "竣工验收单及现场照片",
        POWER,
        "政府",
        (10, 35, 110, 220),
    ),
    IssueTemplate(
        "配套",
        "天然气管道接入未完成",
        "项目生产用天然气需新建中压管道{n}米接入。",
        "燃气公司加快管道施工，同步办理道路挖掘许可。",
        ("道路挖掘许可已办理", "管道敷设完成{half}米"),
        "通气验收单",
        "管道已通气",
        "通气验收单及照片",
        GAS,
        "政府",
        (600, 1200, 2600),
    ),
    IssueTemplate(
        "配套",
        "厂区外{n}米供水主管网未敷设",
        "厂区外{n}米供水主管网未敷设，影响试生产用水。",
        "供排水公司倒排工期，优先保障项目用水。",
        ("管材已到场", "管网敷设完成{half}米"),
        "供水接入验收单",
        "供水管网已接通",
        "验收单及水表安装照片",
        WATER,
        "政府",
        (800, 1500, 3000),
    ),
    IssueTemplate(
        "配套",
        "厂区外{n}米连接道路未贯通",
        "项目东侧{n}米连接道路未贯通，大型设备无法进场。",
        "交通局将连接道路纳入年度计划，先行修建临时便道。",
        ("临时便道已通车", "道路路基完成"),
        "道路交工验收证书",
        "连接道路已贯通",
        "交工验收证书及现场照片",
        TRANSPORT,
        "政府",
        (400, 900, 1600),
    ),
    IssueTemplate(
        "施工环境",
        "周边群众阻工",
        "部分群众因补偿诉求阻挠施工，近{n}天内多次停工。",
        "街道包村干部入户化解矛盾，依法依规处置。",
        ("已逐户走访，诉求登记完毕", "主要诉求已化解，恢复施工"),
        "矛盾化解台账",
        "群众诉求已化解，施工正常",
        "化解台账及复工照片",
        TOWN,
        "政府",
        (7, 12, 20),
    ),
    IssueTemplate(
        "施工环境",
        "扬尘管控影响土方施工",
        "重污染天气预警期间土方作业停工，累计影响工期{n}天。",
        "指导企业落实“六个百分之百”，申请纳入正面清单。",
        ("扬尘治理设施已完善", "已纳入正面清单"),
        "正面清单公示文件",
        "已纳入正面清单，预警期间可有序施工",
        "公示文件截图",
        HOUSING,
        "企业",
        (10, 18, 25),
    ),
    IssueTemplate(
        "施工环境",
        "雨季影响基础施工",
        "汛期连续降雨，基坑积水，基础施工停滞约{n}天。",
        "调整施工组织，增加抽排设备，加强安全巡查。",
        ("抽排设备已到位", "基础施工恢复"),
        "监理周报",
        "基础施工已恢复并追回工期",
        "监理周报及现场照片",
        HOUSING,
        "企业",
        (10, 15, 30),
    ),
    IssueTemplate(
        "其他",
        "企业投资进度放缓",
        "受市场影响，企业投资意愿下降，年度投资计划完成滞后约{n}万元。",
        "上门服务，协调落实惠企政策，帮助企业拓展订单。",
        ("已召开企业座谈会", "惠企政策已兑现"),
        "政策兑现文件",
        "企业投资恢复正常进度",
        "投资统计报表",
        INVEST,
        "企业",
        (1500, 4000, 9000),
    ),
    IssueTemplate(
        "其他",
        "技术工人用工缺口{n}人",
        "项目投产需技术工人{n}名，招聘进展缓慢。",
        "组织专场招聘会，对接职业院校定向培养。",
        ("专场招聘会已举办", "已招聘{half}人"),
        "招聘台账",
        "用工缺口已补足",
        "劳动合同备案名册",
        HR,
        "企业",
        (60, 120, 300),
    ),
)


# When in a project's life a task is done: before the start, while building, at the end.
PREPARATION, CONSTRUCTION, COMPLETION = 0, 1, 2


@dataclass(frozen=True)
class TaskTemplate:
    """A quantified task. `measure` names the unit of measure, if any."""

    title: str
    measure: str | None
    unit: str  # responsible unit hint; "" means the project's lead unit
    evidence: str
    phase: int
    ns: tuple[int, ...] = (0,)


TASKS = (
    TaskTemplate("完成年度投资{yi}亿元", "万元", "", "投资统计报表（{year}年{m}月）", CONSTRUCTION),
    TaskTemplate(
        "完成{n}户征迁清表",
        "户",
        TOWN,
        "征迁验收单（{town}〔{year}〕{k}号）",
        PREPARATION,
        (30, 80, 150, 300),
    ),
    TaskTemplate(
        "完成{n}亩土地供应",
        "亩",
        NATRES,
        "国有建设用地使用权出让合同",
        PREPARATION,
        (40, 90, 200, 420),
    ),
    TaskTemplate("取得施工许可证", None, APPROVAL, "建筑工程施工许可证", PREPARATION),
    TaskTemplate("完成可行性研究报告编制", None, NDRC, "可研报告评审意见", PREPARATION),
    TaskTemplate("完成环评审批", None, ENV, "环评批复文件", PREPARATION),
    TaskTemplate("完成投资协议签约", None, INVEST, "投资合作协议", PREPARATION),
    TaskTemplate("主体结构封顶", None, HOUSING, "主体结构验收记录", CONSTRUCTION),
    TaskTemplate(
        "完成{n}台（套）设备安装调试", "台", "", "设备安装验收单", CONSTRUCTION, (12, 36, 80)
    ),
    TaskTemplate(
        "完成{n}千米配套道路建设", "千米", TRANSPORT, "交工验收证书", CONSTRUCTION, (1, 2, 4)
    ),
    TaskTemplate("完成{n}千伏供电工程", None, POWER, "送电验收单", CONSTRUCTION, (10, 35, 110)),
    TaskTemplate("竣工验收", None, HOUSING, "竣工验收备案表", COMPLETION),
)

BASES = (
    "第{week}周周调度会议纪要",
    "区重点项目推进会议纪要〔{year}〕{k}号",
    "区政府专题会议纪要〔{year}〕{k}号",
    "督查通知单〔{year}〕{k}号",
    "{year}年区重点项目投资计划",
    "项目建设计划",
)
EXTENSION_REASONS = (
    "雨季影响施工",
    "设备到货延迟",
    "上级审批流程延长",
    "群众诉求需进一步协调",
    "资金拨付流程调整",
    "规划方案调整",
)
RETURN_REASONS = (
    "佐证材料不全，需补充现场照片",
    "仅完成部分工作量，未达到销号标准",
    "企业对办理结果不认可",
)
WITHDRAWAL_REASONS = (
    "企业调整建设方案，该问题不再存在",
    "项目调整选址，原问题不再涉及",
    "经核实与其他问题重复登记",
)
RETIREMENT_REASONS = (
    "企业投资意向变化，经区重点项目联席会议研究退出项目库",
    "项目选址调整，原项目撤销",
    "连续两个季度无实质进展，按规定退库",
)


# --- ASCII punctuation, as typed into real ledgers (generate.py --punctuation) ---------------
# Staff paste from Word, WeChat and Excel: `&` in company names, `!` and `*` for emphasis,
# `#` for building numbers (3#楼), ASCII commas, colons, quotes and brackets in notes.

PUNCTUATED_OWNERS = (
    "山东A&B新材料有限公司",
    "济南H&K精密机械股份有限公司",
    "莱芜J&T智能装备有限公司",
    "山东M&G绿色建材集团有限公司",
    "鲁中R&F新能源科技有限公司",
)
LOCALITY_COMMENTS = (  # end-of-line comments on the locality line
    "# R&D中心 2号楼",
    "# 含A&B两个地块",
    "# 注意! 以街道报送为准",
    "# *重点* 包抓领导每周调度",
)
TASKS_COMMENTS = (  # a comment line above the task list
    "# 任务清单: 按月报送! 标*的为重点任务, 3#楼另列",
    "# 以下任务每周五前报送进度 (R&D中心除外)",
    '# 注: 节点任务见"四张清单"通知, 逾期的标**!',
)
HASH_SUFFIXES = ("，含3#厂房、5#仓库", "，其中1#、2#楼为研发楼", "，建设3#楼及配套设施")
HASH_DUTIES = ("负责3#、5#地块征迁", "协调2#楼周边施工环境", "负责1#地块供地")
EXCLAIMED_NOTES = ("本周已调度!", "已报送进度!", "请于周五前报送!", "资金已到位!")
STARRED_NOTES = (
    "*重点*",  # starts with an indicator: written quoted
    "*重点* 纳入周调度",
    "临时围挡面积3*5米已完成",
    "设备基础3*5米已浇筑",
)
LONG_NOTES = (
    '进展: 已完成(80%), "三通一平"基本到位; 下步: 协调供电',
    '主体结构(1-3层)已完成, 4层施工中; 存在问题: "钢筋价格上涨", 已报包抓领导',
    '已召开专题会(第3次): 明确由"属地+国土"联合推进, 10日内完成清表',
    "设备(2台)已到场, 正在安装调试; 计划: 12月底前试生产 [待供电验收]",
)
