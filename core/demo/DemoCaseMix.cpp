#include "demo/DemoCaseMix.h"

#include "rules/Taxonomy.h"

namespace casedesk {

namespace {

// 002's statistics put work errors first, then service attitude, products and channels.
struct CategoryWeight
{
    const char16_t *code;
    double weight;
};
constexpr CategoryWeight categoryWeights[] = {
    {u"work_error", 32},
    {u"service_attitude", 20},
    {u"product", 14},
    {u"channel", 14},
    {u"internal_management", 9},
    {u"irregular_operation", 4},
    {u"financial_crime", 1.5},
    {u"anonymous", 1.5},
};
// Categories of other profiles (securities …) that the table above does not know.
constexpr double otherCategoryWeight = 5;

struct ChannelWeight
{
    Channel channel;
    double open; // weight on a day the branch is open
    double closed; // weight on a weekend or holiday
};
constexpr ChannelWeight channelWeights[] = {
    {Channel::WalkIn, 38, 0},
    {Channel::Phone, 28, 40},
    {Channel::Online, 20, 60},
    {Channel::Letter, 3, 0},
    {Channel::Email, 3, 0},
    {Channel::OpinionBox, 3, 0},
    {Channel::ForwardedSuperior, 2, 0},
    {Channel::ForwardedRegulator, 1.5, 0},
    {Channel::Media, 0.5, 0},
};

enum StoryFlag { OurFault = 1, NotOurFault = 0, FundsSafety = 2, LegalDispute = 4 };

struct StorySeed
{
    const char16_t *category;
    const char16_t *business;
    const char16_t *summary; // %1: the amount in yuan
    const char16_t *demand;
    int minYuan; // 0: no amount in dispute
    int maxYuan;
    const char16_t *product;
    const char16_t *cause;
    const char16_t *facts;
    const char16_t *solution; // %1: the amount in yuan
    const char16_t *subject;
    int flags;
};

constexpr StorySeed storySeeds[] = {
    // 工作失误
    {u"work_error", u"payment_settlement", u"跨行转账被收取手续费%1元，柜员办理前告知免费", u"退还手续费", 10, 50, u"",
        u"pricing_fees", u"调阅录音录像，柜员未按现行收费标准告知客户", u"向客户致歉并退还手续费%1元", u"柜员",
        OurFault},
    {u"work_error", u"rmb_savings", u"办理定期存款时柜员将存期录入为一年，客户要求的是三年", u"更正存期并补偿利息差额",
        50, 600, u"整存整取定期存款", u"rules_processes", u"调阅业务凭证及录像，确认柜员录入错误",
        u"已为客户更正存期并补偿利息差额%1元", u"柜员", OurFault},
    {u"work_error", u"debit_card", u"挂失补卡后原代扣业务被取消，水电费逾期产生滞纳金%1元", u"恢复代扣并承担滞纳金", 20,
        120, u"", u"rules_processes", u"补卡流程未提示客户重新签约代扣", u"已恢复代扣签约并补偿滞纳金%1元", u"",
        OurFault},
    {u"work_error", u"payment_settlement", u"代缴物业费被重复扣款%1元", u"退还重复扣款", 200, 3000, u"",
        u"facilities_systems", u"系统批量代扣重复执行，确认重复扣款", u"已退还重复扣款%1元并致歉", u"", OurFault},
    {u"work_error", u"credit_card", u"信用卡已按时还款，仍被计收利息%1元", u"退还利息并更正记录", 30, 400, u"",
        u"rules_processes", u"还款入账日期录入有误导致计息", u"已冲正利息%1元并更正还款记录", u"", OurFault},
    {u"work_error", u"loans", u"提前还清贷款后账户仍显示未结清，影响个人征信", u"尽快结清并更正征信", 0, 0,
        u"个人消费贷款", u"rules_processes", u"结清流程未及时办理销户", u"已办理结清并向征信中心报送更正", u"",
        OurFault},
    {u"work_error", u"agency", u"代理销售的保险在犹豫期内退保，保费%1元迟迟未退回", u"退还保费", 2000, 20000, u"",
        u"rules_processes", u"退保申请未及时转交保险公司", u"已协调保险公司退还保费%1元", u"", OurFault},
    {u"work_error", u"payment_settlement", u"认为汇款手续费%1元收取不合理", u"退还手续费", 15, 60, u"", u"other",
        u"手续费由收款行收取，我行按公示标准收费", u"向客户说明收费由对方银行收取，非我行责任", u"", NotOurFault},
    // 服务态度
    {u"service_attitude", u"rmb_savings", u"大堂经理态度冷淡，询问业务时不耐烦，让客户自己看公告", u"要求当事人道歉", 0,
        0, u"", u"service_attitude_quality", u"调阅监控录像，大堂经理答复生硬", u"已安排当事人向客户道歉并对其批评教育",
        u"大堂经理", OurFault},
    {u"service_attitude", u"debit_card", u"柜员办理业务期间多次接听私人电话，让客户久等", u"加强员工管理", 0, 0, u"",
        u"service_attitude_quality", u"监控显示柜员办理业务时接听电话", u"已对当事柜员批评教育并向客户致歉", u"柜员",
        OurFault},
    {u"service_attitude", u"credit_card", u"信用卡客服电话中语气恶劣，多次打断客户", u"道歉并说明情况", 0, 0, u"",
        u"service_attitude_quality", u"调听客服录音，坐席服务用语不规范", u"已向客户致歉，坐席人员已接受服务规范培训",
        u"客服坐席", OurFault},
    {u"service_attitude", u"other", u"排队等候一个多小时，只开两个窗口，保安态度粗暴", u"增加窗口并道歉", 0, 0, u"",
        u"service_attitude_quality", u"当日客流高峰，窗口配置不足", u"已致歉并调整高峰时段窗口排班", u"保安", OurFault},
    {u"service_attitude", u"rmb_savings", u"老年客户到柜面办理业务，柜员一再催促其改用手机银行",
        u"保障老年客户柜面服务", 0, 0, u"", u"service_attitude_quality", u"柜员引导方式不当",
        u"已向客户致歉并重申适老化服务要求", u"柜员", OurFault},
    // 服务产品
    {u"product", u"own_wealth_management", u"理财产品到期收益比销售时宣传的少%1元", u"赔偿收益差额", 500, 8000,
        u"稳健增利180天理财", u"information_disclosure",
        u"产品说明书已披露业绩比较基准不构成收益承诺，销售时口头宣传不当", u"向客户解释产品收益，对销售人员加强培训",
        u"理财经理", OurFault},
    {u"product", u"credit_card", u"办理信用卡分期时未被告知手续费，实际收取%1元", u"退还分期手续费", 200, 1500,
        u"信用卡账单分期", u"information_disclosure", u"分期办理环节未充分提示手续费", u"已退还分期手续费%1元", u"",
        OurFault},
    {u"product", u"loans", u"办理房贷时被要求购买保险产品，否则不予放款，保费%1元", u"退保并退还保费", 1000, 6000,
        u"个人住房贷款", u"freedom_of_choice", u"客户经理存在捆绑销售行为", u"已协助退保并退还保费%1元", u"客户经理",
        OurFault},
    {u"product", u"agency", u"基金定投扣款%1元后迟迟未确认份额", u"查明并确认份额", 500, 5000, u"基金定投",
        u"facilities_systems", u"基金公司确认延迟，系跨系统对账问题", u"份额已确认，向客户说明原因", u"", OurFault},
    {u"product", u"precious_metals", u"积存金赎回价格与预期不符，损失%1元", u"赔偿差价", 300, 3000, u"积存金",
        u"product_returns", u"赎回按实时金价计算，符合合同约定", u"向客户解释赎回价格按实时金价计算，非我行责任", u"",
        NotOurFault},
    {u"product", u"own_wealth_management", u"理财产品提前终止，银行未及时通知", u"补偿利息损失", 100, 1200,
        u"月月盈理财", u"information_disclosure", u"提前终止公告未通过短信送达客户",
        u"已补偿利息损失%1元并完善通知流程", u"", OurFault},
    {u"product", u"rmb_savings", u"大额存单利率与网点宣传不一致", u"按宣传利率执行", 0, 0, u"大额存单",
        u"contract_terms", u"宣传材料未及时更新", u"已撤换宣传材料并向客户致歉", u"", OurFault},
    // 服务渠道
    {u"channel", u"debit_card", u"ATM取款未出钞，账户却被扣款%1元", u"退还款项", 500, 3000, u"", u"facilities_systems",
        u"调取ATM流水及监控，确认为长款", u"已将%1元退回客户账户", u"", OurFault | FundsSafety},
    {u"channel", u"payment_settlement", u"手机银行转账显示成功，收款方三天未到账，金额%1元", u"查明原因并尽快到账",
        1000, 50000, u"手机银行", u"facilities_systems", u"清算系统报文异常导致延迟入账", u"款项已到账，向客户说明原因",
        u"", OurFault | FundsSafety},
    {u"channel", u"other_intermediary", u"网上银行U盾证书更新后无法登录，多次联系客服未解决", u"尽快修复", 0, 0,
        u"网上银行", u"facilities_systems", u"证书更新程序与客户浏览器版本不兼容", u"已远程协助客户完成证书更新", u"",
        OurFault},
    {u"channel", u"debit_card", u"ATM吞卡后网点两天才处理", u"尽快退卡并道歉", 0, 0, u"", u"facilities_systems",
        u"吞卡处理流程超时", u"已退卡并致歉，优化吞卡处理时限", u"", OurFault},
    {u"channel", u"payment_settlement", u"手机银行App升级后频繁闪退，无法转账", u"修复App", 0, 0, u"手机银行",
        u"facilities_systems", u"新版本在部分机型上存在兼容问题", u"已发布修复版本并告知客户", u"", OurFault},
    {u"channel", u"rmb_savings", u"存款机点钞错误，存入%1元只入账一部分", u"补足入账金额", 1000, 10000, u"",
        u"facilities_systems", u"清机核对发现长款，与客户存款一致", u"已补入账%1元", u"", OurFault | FundsSafety},
    // 内部管理
    {u"internal_management", u"loans", u"贷款申请提交一个月无人告知审批进度", u"告知进度并尽快审批", 0, 0,
        u"个人经营贷款", u"rules_processes", u"审批环节积压，未及时告知客户", u"已告知审批进度并承诺时限", u"",
        OurFault},
    {u"internal_management", u"personal_financial_information", u"个人征信报告中出现一笔不属于本人的逾期记录",
        u"更正征信记录", 0, 0, u"", u"information_security", u"数据报送错误", u"已报送更正并出具说明", u"", OurFault},
    {u"internal_management", u"other", u"账户被冻结，网点未提前告知原因", u"说明原因并解冻", 0, 0, u"",
        u"rules_processes", u"系司法冻结，网点未按规定告知", u"已向客户说明冻结原因及解冻途径", u"", NotOurFault},
    {u"internal_management", u"debt_collection", u"催收人员多次在夜间致电客户家人", u"停止骚扰式催收", 0, 0, u"信用卡",
        u"collection_methods", u"外包催收机构违反催收时段规定", u"已要求催收机构整改并向客户致歉", u"", OurFault},
    {u"internal_management", u"personal_financial_information", u"陌生来电准确说出本行账户信息，怀疑信息泄露",
        u"查明信息泄露原因", 0, 0, u"", u"information_security", u"未发现我行系统泄露，提示客户防范诈骗",
        u"向客户说明核查结果并提示防范电信诈骗", u"", NotOurFault},
    {u"internal_management", u"loans", u"贷款合同纠纷，客户要求减免罚息%1元并拒绝按合同还款", u"减免罚息", 2000, 30000,
        u"个人经营贷款", u"contract_terms", u"罚息按合同约定计收，客户拟诉讼",
        u"已告知合同约定及法律途径，移交法律事务部门", u"", NotOurFault | LegalDispute},
    // 违规操作
    {u"irregular_operation", u"loans", u"客户经理未经本人同意代为签字办理贷款展期", u"撤销展期并追究责任", 0, 0,
        u"个人经营贷款", u"rules_processes", u"经核实签字非本人所签", u"已撤销展期，对责任人严肃处理", u"客户经理",
        OurFault},
    {u"irregular_operation", u"own_wealth_management", u"员工私下推荐非本行代销的理财产品，造成损失%1元",
        u"追责并赔偿损失", 5000, 50000, u"", u"marketing_methods", u"员工违规私售产品属实", u"已对员工处理并协商赔偿",
        u"理财经理", OurFault},
    {u"irregular_operation", u"agency", u"柜员未经客户同意将存款%1元转为保险产品", u"退保并恢复存款", 10000, 100000,
        u"分红型保险", u"marketing_methods", u"销售过程未按规定录音录像，误导销售属实", u"已全额退保并恢复存款",
        u"柜员", OurFault},
    // 金融犯罪
    {u"financial_crime", u"payment_settlement", u"接到冒充本行客服的诈骗电话，被骗转账%1元", u"协助追回资金", 2000,
        50000, u"", u"fund_safety", u"系电信诈骗，已协助报警并止付", u"已协助公安止付，向客户说明后续流程", u"",
        NotOurFault | FundsSafety},
    {u"financial_crime", u"debit_card", u"借记卡在异地被盗刷%1元", u"冻结账户并追回资金", 1000, 30000, u"",
        u"fund_safety", u"系伪卡盗刷，已报案", u"已冻结账户、协助报案并先行垫付%1元", u"", NotOurFault | FundsSafety},
    // 匿名投诉
    {u"anonymous", u"other", u"匿名反映网点员工上班时间办理私人事务", u"", 0, 0, u"", u"service_attitude_quality",
        u"调阅监控，反映情况部分属实", u"已对相关员工批评教育", u"", OurFault},
    {u"anonymous", u"other", u"匿名反映网点未按公示时间开门营业", u"", 0, 0, u"", u"rules_processes",
        u"当日因系统升级推迟开门15分钟，未提前公告", u"已要求网点提前公告临时调整", u"", OurFault},
};

const QString mediaOutlets = QStringLiteral("北京晚报 新民晚报 南方都市报 钱江晚报 成都商报 深圳特区报");
const QString regulatorBodies = QStringLiteral("国家金融监督管理总局12378热线 中国人民银行12363热线 市民服务热线12345");
const QString superiorBodies = QStringLiteral("总行消费者权益保护部 分行消费者权益保护办公室");

QString pick(const QString &choices, QRandomGenerator &random)
{
    const QStringList list = choices.split(QLatin1Char(' '));
    return list.at(random.bounded(int(list.size())));
}

} // namespace

DemoCaseMix::DemoCaseMix(const Taxonomy &taxonomy)
    : m_taxonomy(taxonomy)
{
    for (const Category &category : taxonomy.categories()) {
        double weight = otherCategoryWeight;
        for (const CategoryWeight &known : categoryWeights) {
            if (category.code == QString::fromUtf16(known.code))
                weight = known.weight;
        }
        m_categories.append({category.code, weight});
    }
    for (const StorySeed &seed : storySeeds) {
        const QString category = QString::fromUtf16(seed.category);
        if (!taxonomy.category(category))
            continue;
        StoryTemplate entry;
        entry.minYuan = seed.minYuan;
        entry.maxYuan = seed.maxYuan;
        DemoStory &story = entry.story;
        story.category = category;
        story.businessCategory = QString::fromUtf16(seed.business);
        if (!taxonomy.axisNode(QStringLiteral("business"), story.businessCategory))
            story.businessCategory.clear();
        story.summary = QString::fromUtf16(seed.summary);
        story.demand = QString::fromUtf16(seed.demand);
        story.product = QString::fromUtf16(seed.product);
        story.cause = QString::fromUtf16(seed.cause);
        if (!taxonomy.axisNode(QStringLiteral("cause"), story.cause))
            story.cause = taxonomy.category(category)->defaultCause;
        story.facts = QString::fromUtf16(seed.facts);
        story.solution = QString::fromUtf16(seed.solution);
        story.subjectStaff = QString::fromUtf16(seed.subject);
        story.ourFault = seed.flags & OurFault;
        story.fundsSafety = seed.flags & FundsSafety;
        story.legalDispute = seed.flags & LegalDispute;
        m_stories.append(entry);
    }
}

QString DemoCaseMix::category(QRandomGenerator &random, const QString &boosted, double factor) const
{
    double total = 0;
    for (const Weighted &w : m_categories)
        total += w.code == boosted ? w.weight * factor : w.weight;
    double draw = random.generateDouble() * total;
    for (const Weighted &w : m_categories) {
        draw -= w.code == boosted ? w.weight * factor : w.weight;
        if (draw < 0)
            return w.code;
    }
    return m_categories.isEmpty() ? QString() : m_categories.last().code;
}

Channel DemoCaseMix::channel(QRandomGenerator &random, bool branchOpen) const
{
    double total = 0;
    for (const ChannelWeight &w : channelWeights)
        total += branchOpen ? w.open : w.closed;
    double draw = random.generateDouble() * total;
    for (const ChannelWeight &w : channelWeights) {
        draw -= branchOpen ? w.open : w.closed;
        if (draw < 0)
            return w.channel;
    }
    return Channel::Phone;
}

DemoStory DemoCaseMix::story(const QString &category, QRandomGenerator &random) const
{
    QList<const StoryTemplate *> fitting;
    for (const StoryTemplate &entry : m_stories) {
        if (entry.story.category == category)
            fitting.append(&entry);
    }
    if (fitting.isEmpty()) {
        // A category of another profile: a plain story in its own words.
        const Category *known = m_taxonomy.category(category);
        DemoStory story;
        story.category = category;
        story.summary = QStringLiteral("客户对%1相关业务的办理结果不满意").arg(known ? known->name.zh : category);
        story.demand = QStringLiteral("重新处理并给予说明");
        story.cause = known ? known->defaultCause : QString();
        story.facts = QStringLiteral("经核查，业务办理流程存在瑕疵");
        story.solution = QStringLiteral("已向客户说明情况并改进流程");
        return story;
    }
    const StoryTemplate &entry = *fitting.at(random.bounded(int(fitting.size())));
    DemoStory story = entry.story;
    if (entry.maxYuan > 0) {
        qint64 yuan = entry.minYuan + random.bounded(entry.maxYuan - entry.minYuan + 1);
        // People quote small fees exactly and larger sums rounded.
        const qint64 step = yuan >= 1000 ? 100 : yuan >= 100 ? 10 : 1;
        yuan = qMax<qint64>(step, yuan / step * step);
        story.amountYuan = yuan;
        for (QString *text : {&story.summary, &story.solution}) {
            if (text->contains(QLatin1String("%1")))
                *text = text->arg(yuan);
        }
    }
    return story;
}

QString DemoCaseMix::mediaOutlet(QRandomGenerator &random) const
{
    return pick(mediaOutlets, random);
}

QString DemoCaseMix::regulatorBody(QRandomGenerator &random) const
{
    return pick(regulatorBodies, random);
}

QString DemoCaseMix::superiorBody(QRandomGenerator &random) const
{
    return pick(superiorBodies, random);
}

double DemoCaseMix::branchWeight(const QString &branchCode)
{
    // Main branches in the big cities see more customers than sub-branches.
    static const QHash<QString, double> weights = {{QStringLiteral("SH01"), 1.3}, {QStringLiteral("SZ02"), 1.2},
        {QStringLiteral("BJ03"), 1.1}, {QStringLiteral("GZ04"), 1.0}, {QStringLiteral("HZ05"), 0.9},
        {QStringLiteral("CD06"), 0.9}, {QStringLiteral("SH07"), 0.6}, {QStringLiteral("SZ08"), 0.6}};
    return weights.value(branchCode, 0.8);
}

} // namespace casedesk
