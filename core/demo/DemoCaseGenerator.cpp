#include "demo/DemoCaseGenerator.h"

#include "casework/CaseJson.h"
#include "casework/CaseService.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace casedesk {

namespace {

// Demo realism, not rules (those come from resources/rules through CaseService): how often staff
// and customers do what. First replies are ~96% on time; every dissatisfied visit re-opens its case
// (BRIEF §6) and the later reply then counts late, so BRIEF §8's on-time rate comes out ~85%, with
// ~89% satisfied among customers reached and ~4% repeats.
constexpr double casesPerBranchPerWorkingDay = 2.0; // ~10 a working week (8–12)
constexpr double casesPerBranchPerClosedDay = 0.25; // hotline and online only
constexpr double springFestivalFactor = 0.5; // the week around 春节 is quiet
constexpr int springFestivalReach = 7; // days before and after the holiday that count as that week
constexpr double atmOutageFactor = 4; // SCENARIOS 10: early warning on 服务渠道 at SZ02
constexpr double repeatShare = 0.045;
constexpr double lateReviewShare = 0.03;
constexpr double nextMorningDispatchShare = 0.15;
constexpr double nextMorningStartShare = 0.3; // the handler is busy and picks it up tomorrow
constexpr double lateContactShare = 0.03;
constexpr double lateResolveShare = 0.04;
constexpr double extendShareOfComplex = 0.15;
constexpr double escalateShare = 0.015;
constexpr double threatShare = 0.04;
constexpr double voluntaryWithdrawalShare = 0.015;
constexpr double correctiveShareOfOurFault = 0.08;
constexpr double correctiveDoneShare = 0.65;
constexpr double stalledShareAtEnd = 0.05; // of cases received in the last weeks: nobody acts in time
constexpr int stalledWindowDays = 21;
constexpr double visitReachedShare = 0.82;
constexpr double lateVisitShare = 0.03;
constexpr double idNumberShare = 0.3;
constexpr double recordingShare = 0.92;

const QString springFestival = QStringLiteral("春节");

// A visit attempt written into a scenario's script.
struct VisitScript
{
    bool reached = true;
    QString solved;
    QString satisfaction;
    QString comments;
};

enum class Withdrawal { None, Voluntary, Pressured };

} // namespace

enum class DemoCaseGenerator::Step : int {
    Intake,
    Review,
    Dispatch,
    Escalate,
    MarkMalicious,
    Start,
    Contact,
    Extend,
    Investigate,
    Work,
    Withdraw,
    Transfer,
    Resolve,
    CloseWithoutVisit,
    Visit,
    Rework,
    Archive,
    Reopen,
    RaiseCorrectiveAction,
    FinishCorrectiveAction,
};

// Everything decided about one case: its intake, how its life will go (late or not, visits …),
// and where it stands. Scenario plans carry their own texts and records.
struct DemoCaseGenerator::Plan
{
    QString scenario; // SCENARIOS.md key, empty for everyday cases
    Branch branch;
    User creator;
    QDateTime receivedAt;
    QJsonObject input; // case fields without received_at
    DemoStory story;
    QString name; // complainant, empty when anonymous
    QString phone;
    QString idNumber;
    bool anonymous = false;

    bool lateReview = false;
    bool lateContact = false;
    bool lateResolve = false;
    bool extend = false;
    QString extensionReason;
    bool escalate = false;
    QString escalateTo;
    QString escalationReason;
    bool stalled = false;
    bool malicious = false;
    bool closeWithoutVisit = false; // anonymous: nobody to call back
    Withdrawal withdrawal = Withdrawal::None;
    QStringList work; // records before the reply: "mediation", "compensation", "supervision_reply"
    QStringList reworkWork;
    QString reworkSolution;
    bool compensationPaid = true;
    QJsonObject mediation; // scenario texts; generic ones otherwise
    QJsonObject compensation;
    bool corrective = false;
    bool correctiveDone = false;
    QString correctiveTitle;
    QList<VisitScript> visits;
    int resolveAfter = -1; // working days after dispatch, -1: drawn against the deadline
    int visitAfter = -1;
    std::optional<std::size_t> followUp; // a later complaint by the same person (SCENARIOS 7)
    int followUpDays = 0;
    std::optional<std::size_t> reopens; // the earlier case this complaint re-opens

    QString caseId;
    QString number;
    QString unit;
    User supervisor;
    User handler;
    CaseDeadlines deadlines;
    QDate resolveOn;
    int reworks = 0;
    int generation = 0; // bumped when the case is re-opened from outside its own script
    QString correctiveId;
};

DemoCaseGenerator::DemoCaseGenerator(
    CaseService &service, FixedClock &clock, const DemoOrganisation &organisation, quint32 seed)
    : m_service(service)
    , m_clock(clock)
    , m_organisation(organisation)
    , m_random(seed)
    , m_people(m_random)
    , m_mix(service.rules().taxonomy())
    , m_zone(QTimeZone(organisation.headOffice().timeZone.toUtf8()))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone(service.rules().limits().defaultTimeZone().toUtf8());
}

DemoCaseGenerator::~DemoCaseGenerator() = default;

// --- time -----------------------------------------------------------------------------------------

QDateTime DemoCaseGenerator::at(QDate day, QTime time) const
{
    return QDateTime(day, time, m_zone);
}

QDate DemoCaseGenerator::today() const
{
    return m_clock.now().toTimeZone(m_zone).date();
}

QString DemoCaseGenerator::iso(const QDateTime &at) const
{
    return CaseJson::time(at, m_zone);
}

QDate DemoCaseGenerator::workingDaysAfter(QDate day, int n) const
{
    return n <= 0 ? day : m_service.rules().calendar().addWorkingDays(day, n);
}

QDate DemoCaseGenerator::firstWorkingDayFrom(QDate day) const
{
    const WorkingDayCalendar &calendar = m_service.rules().calendar();
    return calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
}

QDateTime DemoCaseGenerator::officeTime(QDate day)
{
    // Back-office work happens between 09:00 and 17:30.
    return at(firstWorkingDayFrom(day), QTime(9, 0).addSecs(qint64(60) * between(0, 510)));
}

QDateTime DemoCaseGenerator::later(const QDateTime &after, int minMinutes, int maxMinutes)
{
    const QDateTime local = after.toTimeZone(m_zone);
    const QDateTime next = local.addSecs(qint64(60) * between(minMinutes, maxMinutes));
    if (next.date() == local.date() && next.time() <= QTime(18, 0)
        && m_service.rules().calendar().isWorkingDay(next.date()))
        return next;
    // Tomorrow morning (the next working day), when the office opens.
    const QDate day = m_service.rules().calendar().nextWorkingDay(local.date());
    return at(day, QTime(9, 0).addSecs(qint64(60) * between(0, 60)));
}

QDateTime DemoCaseGenerator::onDay(QDate day, const QDateTime &after)
{
    if (day <= after.toTimeZone(m_zone).date())
        return later(after, 10, 90);
    return officeTime(day);
}

// --- chance ---------------------------------------------------------------------------------------

bool DemoCaseGenerator::chance(double probability)
{
    return m_random.generateDouble() < probability;
}

int DemoCaseGenerator::between(int lowest, int highest)
{
    return highest <= lowest ? lowest : lowest + int(m_random.bounded(highest - lowest + 1));
}

int DemoCaseGenerator::poisson(double mean)
{
    // Knuth's method; the means here are small.
    const double limit = std::exp(-mean);
    int k = 0;
    double p = 1;
    do {
        ++k;
        p *= m_random.generateDouble();
    } while (p > limit);
    return k - 1;
}

// --- agenda ---------------------------------------------------------------------------------------

std::size_t DemoCaseGenerator::addPlan(std::unique_ptr<Plan> plan)
{
    m_plans.push_back(std::move(plan));
    return m_plans.size() - 1;
}

void DemoCaseGenerator::schedule(std::size_t plan, Step step, const QDateTime &when)
{
    // Nothing happens before now: a step planned for the past is done at once.
    const qint64 time = qMax(when.toMSecsSinceEpoch(), m_clock.now().toMSecsSinceEpoch());
    m_agenda.emplace(std::make_pair(time, m_scheduled++), Task {plan, step, m_plans.at(plan)->generation});
}

Error DemoCaseGenerator::stepError(Error error, const Plan &plan, const QString &step) const
{
    error.message
        = tr("Demo case %1 (%2): %3").arg(plan.number.isEmpty() ? plan.scenario : plan.number, step, error.message);
    error.details.insert(QStringLiteral("demo_step"), step);
    error.details.insert(QStringLiteral("case_number"), plan.number);
    return error;
}

Status DemoCaseGenerator::checked(const Result<CaseChange> &result, Plan &plan, const QString &step)
{
    if (!result.ok())
        return stepError(result.error(), plan, step);
    plan.unit = result->current.handlingUnit;
    plan.deadlines = result->current.deadlines;
    return {};
}

QString DemoCaseGenerator::deviceCode(const Branch &branch, const User &creator)
{
    // Each counter workstation has its own letter in the case numbers (DESIGN §6).
    const QString key = branch.code + QLatin1Char('/') + creator.login;
    auto found = m_devices.constFind(key);
    if (found != m_devices.constEnd())
        return *found;
    int used = 0;
    for (auto it = m_devices.constBegin(); it != m_devices.constEnd(); ++it) {
        if (it.key().startsWith(branch.code + QLatin1Char('/')))
            ++used;
    }
    const QString code = QString(QLatin1Char(char('A' + used % 26)));
    m_devices.insert(key, code);
    return code;
}

Result<DemoSummary> DemoCaseGenerator::generate(QDate from, QDate to)
{
    if (!from.isValid() || !to.isValid() || from > to) {
        return Error {QStringLiteral("invalid_period"), tr("The demo period must run from a date to a later one."),
            {{QStringLiteral("from"), from.toString(Qt::ISODate)}, {QStringLiteral("to"), to.toString(Qt::ISODate)}}};
    }
    if (m_organisation.receivingBranches().isEmpty())
        return Error {QStringLiteral("invalid_organisation"), tr("The demo organisation has no branches."), {}};
    // A second run starts afresh; the cases of the first stay in the store (and may be repeated).
    m_plans.clear();
    m_agenda.clear();
    m_tally = DemoSummary();
    m_clock.set(at(from, QTime(0, 0)));
    planScenarios(from, to);
    Database &database = m_service.store().database();
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        planDay(day, to);
        const qint64 dayEnd = at(day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
        // One transaction a simulated day: the steps are many and small (DESIGN §5's group commit).
        auto transaction = database.transaction();
        while (!m_agenda.empty() && m_agenda.begin()->first.first < dayEnd) {
            const auto node = m_agenda.extract(m_agenda.begin());
            m_clock.set(QDateTime::fromMSecsSinceEpoch(node.key().first, m_zone));
            if (auto ok = run(node.mapped()); !ok)
                return ok.error();
        }
        if (auto ok = transaction.commit(); !ok)
            return ok.error();
    }
    m_clock.set(at(to, QTime(18, 0)));
    return summarise(from, to);
}

Status DemoCaseGenerator::run(const Task &task)
{
    Plan &plan = *m_plans.at(task.plan);
    if (task.generation != plan.generation)
        return {}; // planned before the case was re-opened from outside: overtaken by events
    switch (task.step) {
    case Step::Intake:
        return intake(task.plan);
    case Step::Review:
        return review(task.plan);
    case Step::Dispatch:
        return dispatch(task.plan);
    case Step::Escalate:
        return escalate(plan);
    case Step::MarkMalicious:
        return markMalicious(plan);
    case Step::Start:
        return start(task.plan);
    case Step::Contact:
        return contact(task.plan);
    case Step::Extend:
        return extend(task.plan);
    case Step::Investigate:
        return investigate(task.plan);
    case Step::Work:
        return work(task.plan);
    case Step::Withdraw:
        return withdraw(task.plan);
    case Step::Transfer:
        return transfer(task.plan);
    case Step::Resolve:
        return resolve(task.plan);
    case Step::CloseWithoutVisit:
        return closeWithoutVisit(task.plan);
    case Step::Visit:
        return visit(task.plan);
    case Step::Rework:
        return rework(task.plan);
    case Step::Archive:
        return archive(plan);
    case Step::Reopen:
        return reopen(task.plan);
    case Step::RaiseCorrectiveAction:
        return raiseCorrectiveAction(task.plan);
    case Step::FinishCorrectiveAction:
        return finishCorrectiveAction(plan);
    }
    return {};
}

// --- planning -------------------------------------------------------------------------------------

void DemoCaseGenerator::planScenarios(QDate from, QDate to)
{
    // The walk-throughs of SCENARIOS.md in the last two months or so of the period, so the demo
    // shows them among recent work; a step that would fall after `to` simply has not happened yet.
    const QDate anchor = qMax(from.addDays(3), to.addDays(-63));
    const auto day = [&](int offset) { return firstWorkingDayFrom(anchor.addDays(offset)); };
    const auto branch = [&](const QString &code) {
        const auto found = m_organisation.branchByCode(code);
        return found ? *found : m_organisation.receivingBranches().first();
    };
    const auto user = [&](const QString &login, const Branch &at) {
        if (const auto found = m_organisation.user(login))
            return *found;
        const QList<User> counter = m_organisation.withRole(Role::Reception, at.id);
        return counter.isEmpty() ? m_organisation.users().first() : counter.first();
    };
    const auto plan = [&](const QString &key, const QString &branchCode, const QString &creator) {
        auto p = std::make_unique<Plan>();
        p->scenario = key;
        p->branch = branch(branchCode);
        p->creator = user(creator, p->branch);
        return p;
    };
    const auto story = [](const QString &category, const QString &business, const QString &cause, const QString &facts,
                           const QString &solution) {
        DemoStory s;
        s.category = category;
        s.businessCategory = business;
        s.cause = cause;
        s.facts = facts;
        s.solution = solution;
        return s;
    };
    const auto add = [&](std::unique_ptr<Plan> p, const QDateTime &received, int loggedAfterMinutes) {
        p->receivedAt = received;
        const QDateTime logged = received.addSecs(qint64(60) * loggedAfterMinutes);
        const std::size_t index = addPlan(std::move(p));
        if (received.isValid())
            schedule(index, Step::Intake, logged);
        return index;
    };
    const auto walkInRecording = [](const Branch &b, QDate d) {
        return QStringLiteral("LX-%1-%2-01").arg(b.code, d.toString(QStringLiteral("yyyyMMdd")));
    };
    const QString sh01 = QStringLiteral("SH01");

    // 1. Ms 陈敏's walk-in at SH01 on a Tuesday at 10:20: a ¥25 transfer fee she was told was free.
    QDate tuesday = anchor.addDays(3);
    while (tuesday.dayOfWeek() != Qt::Tuesday || !m_service.rules().calendar().isWorkingDay(tuesday))
        tuesday = tuesday.addDays(1);
    auto walkIn = plan(QStringLiteral("1_walk_in"), sh01, QStringLiteral("lujia"));
    walkIn->name = QStringLiteral("陈敏");
    walkIn->phone = QStringLiteral("13812345678");
    walkIn->idNumber = DemoPeople::idNumber(QStringLiteral("310104"), QDate(1986, 3, 14), 128);
    walkIn->story
        = story(QStringLiteral("work_error"), QStringLiteral("payment_settlement"), QStringLiteral("pricing_fees"),
            QStringLiteral("调阅录音录像，柜员误告知客户跨行转账免费，系统按标准收取手续费25元"),
            QStringLiteral("向客户致歉，承诺三个工作日内退还手续费25元"));
    walkIn->input = {{QStringLiteral("channel"), QStringLiteral("walk_in")},
        {QStringLiteral("category"), QStringLiteral("work_error")},
        {QStringLiteral("business_category"), QStringLiteral("payment_settlement")},
        {QStringLiteral("summary"), QStringLiteral("昨日办理转账被收取手续费25元，柜员此前告知转账免费")},
        {QStringLiteral("demand"), QStringLiteral("退还手续费25元")}, {QStringLiteral("amount"), 25},
        {QStringLiteral("recording_reference"), walkInRecording(walkIn->branch, tuesday)}};
    walkIn->work = {QStringLiteral("compensation")};
    walkIn->compensationPaid = false; // the refund that never arrives (SCENARIOS 7)
    walkIn->compensation = {{QStringLiteral("amount"), 25}, {QStringLiteral("method"), QStringLiteral("fee_refund")},
        {QStringLiteral("payment_due"), workingDaysAfter(tuesday, 5).toString(Qt::ISODate)},
        {QStringLiteral("approver"), QStringLiteral("钱红")}};
    walkIn->resolveAfter = 2;
    walkIn->visitAfter = 1;
    walkIn->visits
        = {{true, QStringLiteral("yes"), QStringLiteral("basically_satisfied"), QStringLiteral("等待退款到账")}};
    walkIn->reworkWork = {QStringLiteral("compensation")};
    walkIn->reworkSolution = QStringLiteral("手续费25元已退回客户账户，就前次退款未落实再次致歉");
    walkIn->followUpDays = 21;
    const std::size_t first = add(std::move(walkIn), at(tuesday, QTime(10, 20)), 0);

    // 7. Three weeks after the resolution she calls again: the refund never arrived. Logged when
    // scenario 1 is resolved (DemoCaseGenerator::resolve), so its date follows the real resolution.
    auto repeat = plan(QStringLiteral("7_repeat"), sh01, QStringLiteral("shenyan"));
    repeat->name = QStringLiteral("陈敏");
    repeat->phone = QStringLiteral("13812345678");
    repeat->story = story(QStringLiteral("work_error"), QStringLiteral("payment_settlement"),
        QStringLiteral("pricing_fees"), QStringLiteral("前案承诺的退款未提交退费流程，经办环节遗漏"),
        QStringLiteral("与前案合并处理，手续费已退回，向客户致歉"));
    repeat->input = {{QStringLiteral("channel"), QStringLiteral("phone")},
        {QStringLiteral("category"), QStringLiteral("work_error")},
        {QStringLiteral("business_category"), QStringLiteral("payment_settlement")},
        {QStringLiteral("summary"), QStringLiteral("前次投诉（%1）承诺退还的25元手续费至今未到账")},
        {QStringLiteral("demand"), QStringLiteral("尽快退款并说明原因")}, {QStringLiteral("amount"), 25}};
    repeat->resolveAfter = 1;
    repeat->visits
        = {{true, QStringLiteral("yes"), QStringLiteral("satisfied"), QStringLiteral("希望今后承诺的事项及时落实")}};
    repeat->reopens = first;
    const std::size_t repeatIndex = add(std::move(repeat), QDateTime(), 0);
    m_plans.at(first)->followUp = repeatIndex;

    // 2. Mr 刘洋 calls about a wealth-management product sold at SZ02 as "principal-protected".
    auto wealth = plan(QStringLiteral("2_wealth_management"), QStringLiteral("SZ02"), QStringLiteral("linxiao"));
    wealth->name = QStringLiteral("刘洋");
    wealth->phone = QStringLiteral("13923456781");
    wealth->idNumber = DemoPeople::idNumber(QStringLiteral("440305"), QDate(1971, 8, 2), 315);
    wealth->story
        = story(QStringLiteral("product"), QStringLiteral("own_wealth_management"), QStringLiteral("marketing_methods"),
            QStringLiteral("调取销售录音录像：理财经理曾使用“保本”表述，产品风险等级R3，客户签署了风险揭示书"),
            QStringLiteral("经调解达成和解，我行补偿客户8000元，并对理财经理违规宣传进行处理"));
    wealth->input = {{QStringLiteral("channel"), QStringLiteral("phone")},
        {QStringLiteral("category"), QStringLiteral("product")},
        {QStringLiteral("business_category"), QStringLiteral("own_wealth_management")},
        {QStringLiteral("product"), QStringLiteral("稳盈180天理财（R3）")},
        {QStringLiteral("summary"), QStringLiteral("在南山支行购买的理财产品亏损8%，购买时理财经理称其为保本产品")},
        {QStringLiteral("demand"), QStringLiteral("赔偿全部本金损失16000元")}, {QStringLiteral("amount"), 16000},
        {QStringLiteral("subject_staff"), QStringLiteral("理财经理赵某")},
        {QStringLiteral("threatens_escalation"), true}};
    wealth->extend = true;
    wealth->extensionReason = QStringLiteral("需调取销售录音录像并安排调解，已告知客户延期");
    wealth->escalate = true;
    wealth->escalateTo = QStringLiteral("leadership");
    wealth->escalationReason = QStringLiteral("客户声称将向监管部门投诉，报告分管领导");
    wealth->work = {QStringLiteral("mediation"), QStringLiteral("compensation")};
    wealth->mediation = {{QStringLiteral("parties"), QStringLiteral("投诉人刘洋；深圳南山支行及产品管理部门（张伟）")},
        {QStringLiteral("facts"), QStringLiteral("产品净值下跌8%；销售时存在“保本”不当表述")},
        {QStringLiteral("claims"),
            QStringLiteral("客户要求赔偿全部损失16000元；我行认为风险已书面揭示，同意承担部分责任")},
        {QStringLiteral("agreed_points"), QStringLiteral("销售过程存在不当表述，我行承担一半损失")},
        {QStringLiteral("settlement"), QStringLiteral("我行一次性补偿8000元，客户不再就此事投诉")},
        {QStringLiteral("amount"), 8000},
        {QStringLiteral("complainant_satisfaction"), QStringLiteral("basically_satisfied")},
        {QStringLiteral("bank_satisfaction"), QStringLiteral("satisfied")}};
    wealth->compensation = {{QStringLiteral("amount"), 8000}, {QStringLiteral("method"), QStringLiteral("transfer")},
        {QStringLiteral("payment_due"), day(30).toString(Qt::ISODate)},
        {QStringLiteral("approver"), QStringLiteral("王建国")}};
    wealth->visits = {{true, QStringLiteral("yes"), QStringLiteral("satisfied"), QStringLiteral("对调解结果认可")}};
    wealth->corrective = true;
    wealth->correctiveTitle = QStringLiteral("理财产品销售行为专项整改");
    add(std::move(wealth), at(day(9), QTime(15, 40)), 6);

    // 3. Forwarded by the 12378 hotline with its own 10-calendar-day deadline.
    const QDate forwarded = day(16);
    auto regulator = plan(QStringLiteral("3_regulator_12378"), QStringLiteral("GZ04"), QStringLiteral("lina"));
    regulator->name = QStringLiteral("黄丽华");
    regulator->phone = QStringLiteral("13922334455");
    regulator->story
        = story(QStringLiteral("product"), QStringLiteral("credit_card"), QStringLiteral("information_disclosure"),
            QStringLiteral("分期办理时仅口头告知月手续费率，未提示年化费率，告知不充分属实"),
            QStringLiteral("退还分期手续费1260元，并按监管要求完善费率披露"));
    regulator->input = {{QStringLiteral("channel"), QStringLiteral("forwarded_regulator")},
        {QStringLiteral("branch_id"), regulator->branch.id}, {QStringLiteral("category"), QStringLiteral("product")},
        {QStringLiteral("business_category"), QStringLiteral("credit_card")},
        {QStringLiteral("product"), QStringLiteral("信用卡账单分期")},
        {QStringLiteral("summary"),
            QStringLiteral("客户经12378热线反映：信用卡账单分期手续费未充分告知，实际年化费率远高于宣传")},
        {QStringLiteral("demand"), QStringLiteral("退还分期手续费")}, {QStringLiteral("amount"), 1260},
        {QStringLiteral("forwarding"),
            QJsonObject {{QStringLiteral("body"), QStringLiteral("国家金融监督管理总局12378热线")},
                {QStringLiteral("reference"),
                    QStringLiteral("12378-%1-0931").arg(forwarded.toString(QStringLiteral("yyyyMMdd")))},
                {QStringLiteral("due_date"), forwarded.addDays(10).toString(Qt::ISODate)}}}};
    regulator->escalate = true;
    regulator->escalateTo = QStringLiteral("leadership");
    regulator->escalationReason = QStringLiteral("监管转办件，向分管领导报告");
    regulator->work = {QStringLiteral("compensation"), QStringLiteral("supervision_reply")};
    regulator->compensation
        = {{QStringLiteral("amount"), 1260}, {QStringLiteral("method"), QStringLiteral("fee_refund")},
            {QStringLiteral("payment_due"), forwarded.addDays(7).toString(Qt::ISODate)},
            {QStringLiteral("approver"), QStringLiteral("王建国")}};
    regulator->resolveAfter = 4;
    regulator->visits = {{true, QStringLiteral("yes"), QStringLiteral("satisfied"), QString()}};
    regulator->corrective = true;
    regulator->correctiveTitle = QStringLiteral("信用卡分期费率披露整改");
    add(std::move(regulator), at(forwarded, QTime(9, 30)), 10);

    // 4. A newspaper asks about a customer who waited three hours at BJ03.
    auto media = plan(QStringLiteral("4_media"), QStringLiteral("BJ03"), QStringLiteral("gaojie"));
    media->name = QStringLiteral("赵磊");
    media->phone = QStringLiteral("13811112222");
    media->story
        = story(QStringLiteral("internal_management"), QStringLiteral("other"), QStringLiteral("facilities_systems"),
            QStringLiteral("当日核心系统升级导致业务办理缓慢，网点未及时疏导分流客户"),
            QStringLiteral("由办公室统一回应媒体；向客户致歉并完善高峰期分流预案"));
    media->input = {{QStringLiteral("channel"), QStringLiteral("media")},
        {QStringLiteral("category"), QStringLiteral("internal_management")},
        {QStringLiteral("business_category"), QStringLiteral("other")},
        {QStringLiteral("media_outlet"), QStringLiteral("北京晚报")},
        {QStringLiteral("summary"), QStringLiteral("北京晚报记者来电：一名客户在西城支行排队等候近三个小时未办成业务")},
        {QStringLiteral("demand"), QStringLiteral("了解情况并作出回应")}};
    media->escalate = true;
    media->escalateTo = QStringLiteral("leadership");
    media->escalationReason = QStringLiteral("媒体投诉，即时报告领导，由办公室统一对外回应");
    media->resolveAfter = 2;
    media->visits = {{true, QStringLiteral("yes"), QStringLiteral("satisfied"), QString()}};
    media->corrective = true;
    media->correctiveTitle = QStringLiteral("高峰时段客户分流预案");
    add(std::move(media), at(day(20), QTime(11, 15)), 10);

    // 5. Twelve customers together about a failed batch of salary payments.
    auto group = plan(QStringLiteral("5_group"), QStringLiteral("CD06"), QStringLiteral("tangling"));
    group->name = QStringLiteral("王建华");
    group->phone = QStringLiteral("13980001111");
    group->story = story(QStringLiteral("channel"), QStringLiteral("payment_settlement"),
        QStringLiteral("facilities_systems"), QStringLiteral("代发批量文件校验失败，系统未及时告警，12笔工资未入账"),
        QStringLiteral("已重新发起代发，12名客户工资当日全部入账，并向客户致歉"));
    QJsonArray representatives;
    const QStringList names = {QStringLiteral("王建华"), QStringLiteral("李秀英"), QStringLiteral("张志强"),
        QStringLiteral("刘海燕"), QStringLiteral("陈国庆")};
    for (int i = 0; i < names.size(); ++i) {
        representatives.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("representative")},
            {QStringLiteral("name"), names.at(i)},
            {QStringLiteral("phone"), QStringLiteral("1398000%1").arg(1111 + i * 1111)}});
    }
    group->input = {{QStringLiteral("channel"), QStringLiteral("walk_in")},
        {QStringLiteral("category"), QStringLiteral("channel")},
        {QStringLiteral("business_category"), QStringLiteral("payment_settlement")},
        {QStringLiteral("summary"),
            QStringLiteral("12名客户共同反映：公司委托本行代发的工资批量入账失败，工资至今未到账")},
        {QStringLiteral("demand"), QStringLiteral("当天入账并说明原因")}, {QStringLiteral("amount"), 96000},
        {QStringLiteral("funds_safety"), true}, {QStringLiteral("group_size"), 12},
        {QStringLiteral("parties"), representatives},
        {QStringLiteral("recording_reference"), walkInRecording(group->branch, day(25))}};
    group->escalate = true;
    group->escalateTo = QStringLiteral("leadership");
    group->escalationReason = QStringLiteral("群体性投诉，涉及资金安全");
    group->resolveAfter = 0;
    group->visits
        = {{true, QStringLiteral("yes"), QStringLiteral("satisfied"), QStringLiteral("希望类似问题提前通知")}};
    group->corrective = true;
    group->correctiveDone = true;
    group->correctiveTitle = QStringLiteral("代发工资批量处理监控告警整改");
    add(std::move(group), at(day(25), QTime(10, 0)), 15);

    // 6. An unsigned letter in HZ05's opinion box about a rude teller: verified and filed in good faith;
    // another one at CD06 turns out to be malicious.
    auto letter = plan(QStringLiteral("6_anonymous_letter"), QStringLiteral("HZ05"), QStringLiteral("xunuo"));
    letter->anonymous = true;
    letter->closeWithoutVisit = true;
    letter->story
        = story(QStringLiteral("service_attitude"), QStringLiteral("other"), QStringLiteral("service_attitude_quality"),
            QStringLiteral("调阅当日监控录像，三号窗口柜员对老年客户服务用语不规范属实"),
            QStringLiteral("经核实属实，已对当事柜员批评教育，按善意匿名投诉核实存档"));
    letter->input = {{QStringLiteral("channel"), QStringLiteral("opinion_box")},
        {QStringLiteral("category"), QStringLiteral("service_attitude")},
        {QStringLiteral("summary"), QStringLiteral("意见箱匿名信：三号窗口柜员态度恶劣，对老年客户不耐烦")},
        {QStringLiteral("subject_staff"), QStringLiteral("三号窗口柜员")}};
    letter->resolveAfter = 2;
    add(std::move(letter), at(day(12), QTime(9, 10)), 5);

    auto malicious = plan(QStringLiteral("6_malicious_letter"), QStringLiteral("CD06"), QStringLiteral("tangling"));
    malicious->anonymous = true;
    malicious->closeWithoutVisit = true;
    malicious->malicious = true;
    const QString anonymousCategory = m_service.rules().taxonomy().category(QStringLiteral("anonymous"))
        ? QStringLiteral("anonymous")
        : QStringLiteral("service_attitude");
    malicious->story = story(anonymousCategory, QStringLiteral("other"), QStringLiteral("other"),
        QStringLiteral("经调查核实，反映内容无事实依据"), QStringLiteral("经核实反映内容不实，按恶意投诉记录存档"));
    malicious->input
        = {{QStringLiteral("channel"), QStringLiteral("letter")}, {QStringLiteral("category"), anonymousCategory},
            {QStringLiteral("summary"), QStringLiteral("匿名信称某客户经理收受客户贵重礼品")}};
    malicious->resolveAfter = 3;
    add(std::move(malicious), at(day(30), QTime(9, 30)), 20);

    // 8. A follow-up visit that reaches the customer on the second attempt.
    auto visited = plan(QStringLiteral("8_follow_up_visit"), QStringLiteral("HZ05"), QStringLiteral("xunuo"));
    visited->name = QStringLiteral("周晓红");
    visited->phone = QStringLiteral("13857126688");
    visited->story = story(QStringLiteral("work_error"), QStringLiteral("debit_card"), QStringLiteral("pricing_fees"),
        QStringLiteral("补卡工本费属于减免范围，柜员未执行减免政策"), QStringLiteral("已退还工本费10元并致歉"));
    visited->input = {{QStringLiteral("channel"), QStringLiteral("walk_in")},
        {QStringLiteral("category"), QStringLiteral("work_error")},
        {QStringLiteral("business_category"), QStringLiteral("debit_card")},
        {QStringLiteral("summary"), QStringLiteral("补办借记卡被收取工本费10元，柜员未事先告知")},
        {QStringLiteral("demand"), QStringLiteral("退还工本费")}, {QStringLiteral("amount"), 10},
        {QStringLiteral("recording_reference"), walkInRecording(visited->branch, day(35))}};
    visited->work = {QStringLiteral("compensation")};
    visited->compensation = {{QStringLiteral("amount"), 10}, {QStringLiteral("method"), QStringLiteral("fee_refund")},
        {QStringLiteral("payment_due"), day(40).toString(Qt::ISODate)},
        {QStringLiteral("approver"), QStringLiteral("沈莉")}};
    visited->resolveAfter = 1;
    visited->visitAfter = 2;
    visited->visits = {{false, {}, {}, {}},
        {true, QStringLiteral("yes"), QStringLiteral("satisfied"), QStringLiteral("退款时请发短信通知")}};
    add(std::move(visited), at(day(35), QTime(14, 0)), 10);

    // 9. A withdrawal by phone, obtained with the promise of a gift: a conduct issue for inspection.
    auto pressured = plan(QStringLiteral("9_pressured_withdrawal"), QStringLiteral("CD06"), QStringLiteral("tangling"));
    pressured->name = QStringLiteral("罗志强");
    pressured->phone = QStringLiteral("13908176655");
    pressured->story
        = story(QStringLiteral("irregular_operation"), QStringLiteral("loans"), QStringLiteral("rules_processes"),
            QStringLiteral("经核实展期合同签字非本人所签"), QStringLiteral("已撤销展期并对责任人严肃处理"));
    pressured->input = {{QStringLiteral("channel"), QStringLiteral("phone")},
        {QStringLiteral("category"), QStringLiteral("irregular_operation")},
        {QStringLiteral("business_category"), QStringLiteral("loans")},
        {QStringLiteral("summary"), QStringLiteral("客户经理未经本人同意代为签字办理贷款展期")},
        {QStringLiteral("demand"), QStringLiteral("撤销展期并追究责任")}};
    pressured->withdrawal = Withdrawal::Pressured;
    pressured->visits = {{true, QStringLiteral("yes"), QStringLiteral("basically_satisfied"), QString()}};
    pressured->correctiveTitle = QStringLiteral("严禁以利益诱导客户撤诉专项整治");
    add(std::move(pressured), at(day(28), QTime(16, 10)), 5);
}

void DemoCaseGenerator::planDay(QDate day, QDate to)
{
    const WorkingDayCalendar &calendar = m_service.rules().calendar();
    const bool open = calendar.isWorkingDay(day);
    double season = 1;
    for (int offset = -springFestivalReach; offset <= springFestivalReach; ++offset) {
        if (calendar.holidayName(day.addDays(offset)).contains(springFestival))
            season = springFestivalFactor;
    }
    // SCENARIOS 10: in the last full month, ATM outages at SZ02 push 服务渠道 over its baseline.
    const QDate outageMonth = QDate(to.year(), to.month(), 1).addMonths(-1);
    const bool outage = day.year() == outageMonth.year() && day.month() == outageMonth.month();
    for (const Branch &branch : m_organisation.receivingBranches()) {
        const double weight = DemoCaseMix::branchWeight(branch.code);
        const double mean = open ? casesPerBranchPerWorkingDay * weight * season : casesPerBranchPerClosedDay * weight;
        const QString boosted = outage && branch.code == QLatin1String("SZ02") ? QStringLiteral("channel") : QString();
        for (int n = poisson(mean); n > 0; --n)
            planEverydayCase(branch, day, open, boosted, to);
    }
}

void DemoCaseGenerator::planEverydayCase(
    const Branch &branch, QDate day, bool branchOpen, const QString &boosted, QDate to)
{
    auto plan = std::make_unique<Plan>();
    plan->branch = branch;
    const QList<User> counter = m_organisation.withRole(Role::Reception, branch.id);
    if (counter.isEmpty())
        return;
    plan->creator = oneOf(counter);

    // A repeat: someone from the last weeks calls again about the same matter (BRIEF §2).
    const Plan *earlier = nullptr;
    if (branchOpen && chance(repeatShare)) {
        QList<const Plan *> candidates;
        for (const auto &p : m_plans) {
            const qint64 age = p->receivedAt.isValid() ? p->receivedAt.date().daysTo(day) : -1;
            if (p->scenario.isEmpty() && !p->caseId.isEmpty() && !p->anonymous && p->branch.id == branch.id && age >= 7
                && age <= 56)
                candidates.append(p.get());
        }
        if (!candidates.isEmpty())
            earlier = oneOf(candidates);
    }

    Channel channel = m_mix.channel(m_random, branchOpen);
    if (earlier) {
        plan->story = earlier->story;
        plan->story.summary = QStringLiteral("再次反映：%1，前次处理后问题仍未解决").arg(earlier->story.summary);
        plan->story.demand = QStringLiteral("尽快彻底解决");
        plan->name = earlier->name;
        plan->phone = earlier->phone;
        plan->idNumber = earlier->idNumber;
        channel = chance(0.7) ? Channel::Phone : Channel::WalkIn;
    } else {
        plan->story = m_mix.story(m_mix.category(m_random, boosted, atmOutageFactor), m_random);
        plan->anonymous = plan->story.category == QLatin1String("anonymous");
        if (plan->anonymous) {
            channel = chance(0.6) ? Channel::OpinionBox : Channel::Letter;
        } else {
            plan->name = m_people.name();
            plan->phone = m_people.mobile();
            if (chance(idNumberShare))
                plan->idNumber = m_people.idNumber(branch.code, day);
        }
    }
    if (!branchOpen && channel != Channel::Phone && channel != Channel::Online)
        channel = Channel::Online;

    // When it arrives: counters keep office hours, the hotline longer, online any time.
    int fromMinute = 9 * 60;
    int toMinute = 17 * 60;
    if (channel == Channel::Phone) {
        fromMinute = branchOpen ? 8 * 60 + 30 : 9 * 60;
        toMinute = branchOpen ? 20 * 60 : 18 * 60;
    } else if (channel == Channel::Online) {
        fromMinute = 7 * 60;
        toMinute = 23 * 60 + 50;
    } else if (channel == Channel::WalkIn && chance(0.05)) {
        fromMinute = 17 * 60; // a customer still at the counter after the cut-off (DESIGN §5)
        toMinute = 17 * 60 + 25;
    }
    plan->receivedAt = at(day, QTime(0, 0).addSecs(qint64(60) * between(fromMinute, toMinute)));

    const DemoStory &story = plan->story;
    QJsonObject input {{QStringLiteral("channel"), toCode(channel)}, {QStringLiteral("category"), story.category},
        {QStringLiteral("summary"), story.summary}};
    if (!story.businessCategory.isEmpty())
        input.insert(QStringLiteral("business_category"), story.businessCategory);
    if (!story.demand.isEmpty())
        input.insert(QStringLiteral("demand"), story.demand);
    if (story.amountYuan)
        input.insert(QStringLiteral("amount"), double(*story.amountYuan));
    if (!story.product.isEmpty())
        input.insert(QStringLiteral("product"), story.product);
    if (story.fundsSafety)
        input.insert(QStringLiteral("funds_safety"), true);
    if (story.legalDispute)
        input.insert(QStringLiteral("legal_dispute"), true);
    if (!story.subjectStaff.isEmpty())
        input.insert(QStringLiteral("subject_staff"),
            QString(story.subjectStaff + m_people.name().left(1) + QStringLiteral("某")));
    const bool complex = m_service.rules().complexityOf(story.category) == Complexity::Complex;
    if (complex && !plan->anonymous && chance(threatShare))
        input.insert(QStringLiteral("threatens_escalation"), true);
    switch (channel) {
    case Channel::WalkIn:
        if (chance(recordingShare)) {
            input.insert(QStringLiteral("recording_reference"),
                QStringLiteral("LX-%1-%2-%3")
                    .arg(branch.code, day.toString(QStringLiteral("yyyyMMdd")))
                    .arg(between(1, 99), 2, 10, QLatin1Char('0')));
        }
        break;
    case Channel::Media:
        input.insert(QStringLiteral("media_outlet"), m_mix.mediaOutlet(m_random));
        plan->escalate = true;
        plan->escalateTo = QStringLiteral("leadership");
        plan->escalationReason = QStringLiteral("媒体关注，按规定即时报告领导");
        break;
    case Channel::ForwardedRegulator:
        input.insert(QStringLiteral("forwarding"),
            QJsonObject {{QStringLiteral("body"), m_mix.regulatorBody(m_random)},
                {QStringLiteral("reference"),
                    QStringLiteral("JG-%1-%2")
                        .arg(day.toString(QStringLiteral("yyyyMMdd")))
                        .arg(between(1, 9999), 4, 10, QLatin1Char('0'))},
                {QStringLiteral("due_date"), day.addDays(10).toString(Qt::ISODate)}});
        plan->work.append(QStringLiteral("supervision_reply"));
        plan->escalate = true;
        plan->escalateTo = QStringLiteral("leadership");
        plan->escalationReason = QStringLiteral("监管转办件，向分管领导报告");
        // Head office's complaint office receives what regulators forward and files it for the branch.
        if (const auto office = m_organisation.supervisorFor(m_organisation.headOffice().id)) {
            plan->creator = *office;
            input.insert(QStringLiteral("branch_id"), branch.id);
        }
        break;
    case Channel::ForwardedSuperior: {
        QJsonObject forwarding {{QStringLiteral("body"), m_mix.superiorBody(m_random)},
            {QStringLiteral("reference"),
                QStringLiteral("ZB-%1-%2")
                    .arg(day.toString(QStringLiteral("yyyyMMdd")))
                    .arg(between(1, 999), 3, 10, QLatin1Char('0'))}};
        if (chance(0.6))
            forwarding.insert(QStringLiteral("due_date"), day.addDays(15).toString(Qt::ISODate));
        input.insert(QStringLiteral("forwarding"), forwarding);
        plan->work.append(QStringLiteral("supervision_reply"));
        break;
    }
    default:
        break;
    }
    plan->input = input;

    // How its life will go.
    plan->lateReview = chance(lateReviewShare);
    plan->lateContact = chance(lateContactShare);
    plan->lateResolve = chance(lateResolveShare);
    plan->extend = complex && !plan->lateResolve && chance(extendShareOfComplex);
    plan->extensionReason = QStringLiteral("需调取业务资料并与相关部门核实，无法在时限内办结，已告知客户");
    if (!plan->escalate && (chance(escalateShare) || input.value(QStringLiteral("threatens_escalation")).toBool())) {
        plan->escalate = true;
        plan->escalateTo = QStringLiteral("leadership");
        plan->escalationReason = QStringLiteral("客户情绪激动，声称将向监管部门投诉");
    }
    if (!plan->anonymous && chance(voluntaryWithdrawalShare))
        plan->withdrawal = Withdrawal::Voluntary;
    if (day.daysTo(to) < stalledWindowDays && chance(stalledShareAtEnd))
        plan->stalled = true;
    if (story.amountYuan && story.ourFault && chance(0.5)) {
        plan->work.prepend(QStringLiteral("compensation"));
        if ((story.category == QLatin1String("product") || story.category == QLatin1String("irregular_operation"))
            && chance(0.4))
            plan->work.prepend(QStringLiteral("mediation"));
    }
    plan->closeWithoutVisit = plan->anonymous;
    plan->corrective = story.ourFault && chance(correctiveShareOfOurFault);
    plan->correctiveDone = chance(correctiveDoneShare);

    const std::size_t index = addPlan(std::move(plan));
    Plan &added = *m_plans.at(index);
    // When it is logged: at once while the counter is open; else the next working morning.
    const QDateTime local = added.receivedAt;
    const bool staffed = branchOpen && local.time() >= QTime(8, 30) && local.time() <= QTime(17, 30);
    QDateTime logged;
    if (staffed) {
        const int delay = channel == Channel::WalkIn ? between(8, 20)
            : channel == Channel::Phone              ? between(2, 10)
                                                     : between(10, 60);
        logged = local.addSecs(qint64(60) * delay);
    } else {
        logged = at(m_service.rules().calendar().nextWorkingDay(day), QTime(9, 0).addSecs(qint64(60) * between(0, 40)));
    }
    schedule(index, Step::Intake, logged);
}

QJsonObject DemoCaseGenerator::complainantJson(const Plan &plan) const
{
    if (plan.anonymous)
        return {{QStringLiteral("anonymous"), true}};
    QJsonObject complainant {{QStringLiteral("name"), plan.name}, {QStringLiteral("phone"), plan.phone}};
    if (!plan.idNumber.isEmpty())
        complainant.insert(QStringLiteral("id_number"), plan.idNumber);
    return complainant;
}

// --- steps ----------------------------------------------------------------------------------------

Status DemoCaseGenerator::intake(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    QJsonObject input = plan.input;
    input.insert(QStringLiteral("received_at"), iso(plan.receivedAt));
    input.insert(QStringLiteral("complainant"), complainantJson(plan));
    if (plan.reopens) {
        // SCENARIOS 7: the customer refers to the earlier case by its number.
        const Plan &earlier = *m_plans.at(*plan.reopens);
        input.insert(QStringLiteral("summary"), input.value(QStringLiteral("summary")).toString().arg(earlier.number));
    }
    auto change = m_service.create(input, access(plan.creator), deviceCode(plan.branch, plan.creator));
    if (auto ok = checked(change, plan, QStringLiteral("intake")); !ok)
        return ok;
    plan.caseId = change->current.id;
    plan.number = change->current.number;
    if (!plan.scenario.isEmpty())
        m_tally.scenarios.insert(plan.scenario, plan.number);
    const auto supervisor = m_organisation.supervisorFor(change->current.branchId);
    if (!supervisor)
        return Error {QStringLiteral("invalid_organisation"),
            tr("Nobody reviews complaints of branch %1.").arg(plan.branch.code), {}};
    plan.supervisor = *supervisor;
    if (plan.reopens)
        schedule(*plan.reopens, Step::Reopen, later(m_clock.now(), 20, 90));

    // BRIEF §5: reviewed within a working day; most the same day.
    const QDateTime now = m_clock.now().toTimeZone(m_zone);
    QDateTime when;
    if (plan.lateReview)
        when = officeTime(workingDaysAfter(now.date(), 2));
    else if (now.time() < QTime(15, 30))
        when = later(now, 20, 150);
    else
        when = officeTime(workingDaysAfter(now.date(), 1)).addSecs(qint64(-3600) * between(0, 5));
    schedule(index, Step::Review, when);
    return {};
}

Status DemoCaseGenerator::review(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    auto change = m_service.transition(plan.caseId, {CaseStatus::Registered, {}, {}}, {}, access(plan.supervisor));
    if (auto ok = checked(change, plan, QStringLiteral("review")); !ok)
        return ok;
    // Late-afternoon reviews, and some waiting for the unit to confirm, go out with the next
    // morning's dispatch.
    const QDateTime now = m_clock.now().toTimeZone(m_zone);
    const bool nextMorning = now.time() >= QTime(16, 0) || chance(nextMorningDispatchShare);
    schedule(index, Step::Dispatch,
        nextMorning ? at(workingDaysAfter(now.date(), 1), QTime(9, 0).addSecs(qint64(60) * between(0, 60)))
                    : later(now, 5, 40));
    return {};
}

QDate DemoCaseGenerator::plannedResolution(const Plan &plan, QDate due) const
{
    const QDate now = today();
    if (plan.resolveAfter >= 0)
        return workingDaysAfter(now, plan.resolveAfter);
    return due.isValid() ? due
                         : workingDaysAfter(now, m_service.rules().limits().resolveWorkingDays(Complexity::General));
}

Status DemoCaseGenerator::dispatch(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    QList<User> handlers = m_organisation.handlersFor(plan.unit, plan.branch.id);
    if (handlers.isEmpty()) // a unit without staff in the demo: the branch office takes it
        handlers = m_organisation.handlersFor(QStringLiteral("branch_office"), plan.branch.id);
    if (handlers.isEmpty())
        return Error {
            QStringLiteral("invalid_organisation"), tr("Nobody handles cases of unit %1.").arg(plan.unit), {}};
    plan.handler = oneOf(handlers);
    const AccessPolicy supervisor = access(plan.supervisor);
    auto assigned = m_service.perform(
        plan.caseId, QStringLiteral("assign"), {{QStringLiteral("assignee_id"), plan.handler.id}}, supervisor);
    if (auto ok = checked(assigned, plan, QStringLiteral("assign")); !ok)
        return ok;
    auto change = m_service.transition(plan.caseId, {CaseStatus::Dispatched, {}, {}}, {}, supervisor);
    if (auto ok = checked(change, plan, QStringLiteral("dispatch")); !ok)
        return ok;

    // Most cases are resolved on time, early in their allowance; some slip past it (BRIEF §8: ~93%).
    const QDate due = plan.deadlines.dueBy;
    const QDate now = today();
    if (plan.resolveAfter >= 0) {
        plan.resolveOn = plannedResolution(plan, due);
    } else if (plan.lateResolve && due.isValid()) {
        plan.resolveOn = workingDaysAfter(qMax(due, now), between(1, 4));
    } else {
        const int allowance
            = qMax(0, m_service.rules().calendar().workingDaysBetween(now, plannedResolution(plan, due)));
        plan.resolveOn
            = workingDaysAfter(now, qMin(between(0, allowance), between(0, allowance)) + (allowance > 1 ? 1 : 0));
        if (plan.resolveOn > due && due.isValid())
            plan.resolveOn = qMax(now, due);
    }
    if (plan.escalate)
        schedule(index, Step::Escalate, later(m_clock.now(), 5, 30));
    if (plan.malicious)
        schedule(index, Step::MarkMalicious, later(m_clock.now(), 60, 240));
    schedule(index, Step::Start,
        chance(nextMorningStartShare) ? officeTime(workingDaysAfter(today(), 1)).addSecs(qint64(-3600) * between(0, 6))
                                      : later(m_clock.now(), 15, 240));
    return {};
}

Status DemoCaseGenerator::escalate(Plan &plan)
{
    auto change = m_service.perform(plan.caseId, QStringLiteral("escalate"),
        {{QStringLiteral("reason"), plan.escalationReason}, {QStringLiteral("to"), plan.escalateTo}},
        access(plan.supervisor));
    return checked(change, plan, QStringLiteral("escalate"));
}

Status DemoCaseGenerator::markMalicious(Plan &plan)
{
    auto change = m_service.perform(plan.caseId, QStringLiteral("mark_malicious"),
        {{QStringLiteral("reason"), QStringLiteral("经核实反映内容无事实依据，属恶意投诉")}}, access(plan.supervisor));
    return checked(change, plan, QStringLiteral("mark_malicious"));
}

Status DemoCaseGenerator::start(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    auto change = m_service.transition(plan.caseId, {CaseStatus::InProgress, {}, {}}, {}, access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("start")); !ok)
        return ok;
    // BRIEF §5: first contact within 3 working days of dispatch; a few handlers are late.
    QDate day = today();
    if (plan.lateContact && plan.deadlines.contactBy.isValid())
        day = workingDaysAfter(plan.deadlines.contactBy, 1);
    else if (chance(0.3))
        day = workingDaysAfter(day, 1);
    if (plan.resolveOn.isValid() && day > plan.resolveOn && !plan.lateContact)
        day = qMax(today(), plan.resolveOn);
    schedule(index, Step::Contact, plan.anonymous ? later(m_clock.now(), 10, 60) : onDay(day, m_clock.now()));
    return {};
}

Status DemoCaseGenerator::contact(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    if (!plan.anonymous) {
        static const QStringList methods = {QStringLiteral("phone"), QStringLiteral("phone"), QStringLiteral("phone"),
            QStringLiteral("phone"), QStringLiteral("in_person"), QStringLiteral("sms")};
        auto change = m_service.appendRecord(plan.caseId, QStringLiteral("contact"),
            {{QStringLiteral("at"), iso(m_clock.now())}, {QStringLiteral("method"), oneOf(methods)},
                {QStringLiteral("summary"), QStringLiteral("已联系客户，了解诉求并告知处理流程和办理时限")}},
            access(plan.handler));
        if (auto ok = checked(change, plan, QStringLiteral("contact")); !ok)
            return ok;
    }
    if (plan.stalled)
        return {}; // left lying: it will be overdue at the end of the period
    const QDate now = today();
    if (plan.withdrawal != Withdrawal::None) {
        schedule(index, Step::Withdraw, onDay(workingDaysAfter(now, between(0, 2)), m_clock.now()));
    } else if (plan.extend) {
        const QDate before = plan.deadlines.resolveBy.isValid() ? qMax(now, plan.deadlines.resolveBy.addDays(-1)) : now;
        schedule(index, Step::Extend, onDay(firstWorkingDayFrom(before), m_clock.now()));
    } else {
        const int left = qMax(0, m_service.rules().calendar().workingDaysBetween(now, plan.resolveOn));
        schedule(index, Step::Investigate, onDay(workingDaysAfter(now, qMax(0, left - between(0, 1))), m_clock.now()));
    }
    return {};
}

Status DemoCaseGenerator::extend(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    auto change = m_service.perform(plan.caseId, QStringLiteral("extend"),
        {{QStringLiteral("reason"), plan.extensionReason}}, access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("extend")); !ok)
        return ok;
    // 004 art.11: the extended limit is met, a few days into it.
    const QDate now = today();
    const QDate due = plan.deadlines.dueBy.isValid() ? qMax(now, plan.deadlines.dueBy) : workingDaysAfter(now, 3);
    const int allowance = qMax(0, m_service.rules().calendar().workingDaysBetween(now, due));
    plan.resolveOn = workingDaysAfter(now, between(qMin(1, allowance), allowance));
    schedule(index, Step::Investigate, onDay(workingDaysAfter(now, between(0, 1)), m_clock.now()));
    return {};
}

Status DemoCaseGenerator::investigate(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    QJsonObject record {
        {QStringLiteral("facts"), plan.story.facts}, {QStringLiteral("our_fault"), plan.story.ourFault}};
    if (!plan.story.cause.isEmpty())
        record.insert(QStringLiteral("cause"), plan.story.cause);
    if (plan.story.ourFault && !plan.story.subjectStaff.isEmpty())
        record.insert(
            QStringLiteral("responsible_staff"), plan.input.value(QStringLiteral("subject_staff")).toString());
    record.insert(QStringLiteral("evidence"),
        plan.branch.code == QLatin1String("HO") ? QStringLiteral("业务档案")
                                                : QStringLiteral("监控录像、业务凭证、系统日志"));
    auto change = m_service.appendRecord(plan.caseId, QStringLiteral("investigation"), record, access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("investigation")); !ok)
        return ok;
    scheduleNextWork(index);
    return {};
}

void DemoCaseGenerator::scheduleNextWork(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    const QDate day = qMax(today(), plan.resolveOn.isValid() ? plan.resolveOn : today());
    if (!plan.work.isEmpty())
        schedule(index, Step::Work, later(m_clock.now(), 20, 180));
    else
        schedule(index, Step::Resolve, day > today() ? officeTime(day) : later(m_clock.now(), 20, 120));
}

Status DemoCaseGenerator::work(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    if (plan.work.isEmpty())
        return {};
    const QString kind = plan.work.takeFirst();
    const qint64 yuan = plan.story.amountYuan.value_or(0);
    QJsonObject record;
    if (kind == QLatin1String("mediation")) {
        const qint64 half = yuan / 2; // settled at half the amount in dispute
        record = plan.mediation;
        if (record.isEmpty()) {
            record
                = {{QStringLiteral("parties"),
                       QStringLiteral("投诉人%1；%2（经办人%3）").arg(plan.name, plan.branch.name, plan.handler.name)},
                    {QStringLiteral("facts"), plan.story.facts},
                    {QStringLiteral("claims"),
                        QStringLiteral("客户：%1；我行：依据合同和调查结果协商处理").arg(plan.story.demand)},
                    {QStringLiteral("agreed_points"), QStringLiteral("双方同意按调查结果协商补偿")},
                    {QStringLiteral("settlement"), QStringLiteral("我行补偿客户%1元，客户不再就此事投诉").arg(half)},
                    {QStringLiteral("amount"), double(half)},
                    {QStringLiteral("complainant_satisfaction"), QStringLiteral("basically_satisfied")},
                    {QStringLiteral("bank_satisfaction"), QStringLiteral("satisfied")}};
        }
    } else if (kind == QLatin1String("compensation")) {
        record = plan.compensation;
        if (record.isEmpty()) {
            const bool fee = plan.story.cause == QLatin1String("pricing_fees");
            record = {{QStringLiteral("amount"), double(yuan)},
                {QStringLiteral("method"), fee ? QStringLiteral("fee_refund") : QStringLiteral("transfer")},
                {QStringLiteral("payment_due"), today().addDays(5).toString(Qt::ISODate)},
                {QStringLiteral("approver"), plan.supervisor.name}};
        }
        if (plan.compensationPaid && !record.contains(QStringLiteral("paid_on")))
            record.insert(QStringLiteral("paid_on"), today().toString(Qt::ISODate));
    } else if (kind == QLatin1String("supervision_reply")) {
        const int days
            = m_service.rules().calendar().workingDaysBetween(plan.receivedAt.toTimeZone(m_zone).date(), today());
        record = {{QStringLiteral("cause_and_verification"), plan.story.facts},
            {QStringLiteral("action_against_staff"),
                plan.story.ourFault ? QStringLiteral("对责任人员批评教育并纳入绩效考核")
                                    : QStringLiteral("经核实无责任人员")},
            {QStringLiteral("lessons_and_measures"), QStringLiteral("加强员工培训，完善业务流程和客户告知")},
            {QStringLiteral("customer_satisfaction"),
                chance(0.7) ? QStringLiteral("satisfied") : QStringLiteral("basically_satisfied")},
            {QStringLiteral("handling_time"), QStringLiteral("%1个工作日").arg(qMax(1, days))},
            {QStringLiteral("handler_name"), plan.handler.name}, {QStringLiteral("handler_phone"), plan.handler.phone}};
    }
    auto change = m_service.appendRecord(plan.caseId, kind, record, access(plan.handler));
    if (auto ok = checked(change, plan, kind); !ok)
        return ok;
    scheduleNextWork(index);
    return {};
}

Status DemoCaseGenerator::withdraw(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    const bool voluntary = plan.withdrawal == Withdrawal::Voluntary;
    const QString reason = voluntary ? QStringLiteral("客户来电表示问题已与网点协商解决，主动撤回投诉")
                                     : QStringLiteral("客户来电撤诉；询问是否自愿时称支行负责人许诺赠送礼品换取撤诉");
    auto change
        = m_service.transition(plan.caseId, {CaseStatus::Withdrawn, reason, voluntary}, {}, access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("withdraw")); !ok)
        return ok;
    plan.withdrawal = Withdrawal::None;
    if (!voluntary) // 004 art.19: it goes on as a conduct issue, handed to the unit the rules name
        schedule(index, Step::Transfer, later(m_clock.now(), 30, 120));
    return {};
}

Status DemoCaseGenerator::transfer(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    const QList<User> handlers = m_organisation.handlersFor(plan.unit, plan.branch.id);
    if (handlers.isEmpty())
        return Error {
            QStringLiteral("invalid_organisation"), tr("Nobody handles cases of unit %1.").arg(plan.unit), {}};
    plan.handler = handlers.first();
    auto change = m_service.perform(plan.caseId, QStringLiteral("transfer"),
        {{QStringLiteral("handling_unit"), plan.unit}, {QStringLiteral("assignee_id"), plan.handler.id},
            {QStringLiteral("reason"), QStringLiteral("非自愿撤诉，按员工行为问题移交调查")}},
        access(plan.supervisor));
    if (auto ok = checked(change, plan, QStringLiteral("transfer")); !ok)
        return ok;
    plan.story.facts = QStringLiteral("经调查，支行负责人以赠送礼品诱导客户撤诉属实；原投诉事项同步核实");
    plan.story.cause = QStringLiteral("rules_processes");
    plan.story.solution = QStringLiteral("已对支行负责人违规诱导撤诉问题严肃处理，原投诉事项已为客户解决");
    plan.corrective = true;
    plan.correctiveDone = false;
    plan.resolveOn = workingDaysAfter(today(), between(2, 4));
    schedule(index, Step::Investigate, onDay(workingDaysAfter(today(), 1), m_clock.now()));
    return {};
}

Status DemoCaseGenerator::resolve(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    const QString solution
        = plan.reworks > 0 && !plan.reworkSolution.isEmpty() ? plan.reworkSolution : plan.story.solution;
    if (!plan.anonymous) {
        static const QStringList methods = {QStringLiteral("phone"), QStringLiteral("phone"), QStringLiteral("phone"),
            QStringLiteral("in_person"), QStringLiteral("sms"), QStringLiteral("letter")};
        QJsonObject reply {{QStringLiteral("solution"), solution}, {QStringLiteral("replied_at"), iso(m_clock.now())},
            {QStringLiteral("method"), oneOf(methods)}};
        if (!plan.story.ourFault) {
            // 004 art.15: not our fault, resolved with an explanation to the customer.
            reply.insert(QStringLiteral("not_our_fault"), true);
            reply.insert(QStringLiteral("explanation"), plan.story.facts);
        }
        auto replied = m_service.appendRecord(plan.caseId, QStringLiteral("reply"), reply, access(plan.handler));
        if (auto ok = checked(replied, plan, QStringLiteral("reply")); !ok)
            return ok;
    }
    auto change = m_service.transition(plan.caseId, {CaseStatus::Resolved, solution, {}}, {}, access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("resolve")); !ok)
        return ok;
    const QDate now = today();
    if (plan.followUp) {
        // SCENARIOS 7: weeks later the same customer calls again.
        Plan &next = *m_plans.at(*plan.followUp);
        next.receivedAt = at(firstWorkingDayFrom(now.addDays(plan.followUpDays)), QTime(14, 30));
        schedule(*plan.followUp, Step::Intake, next.receivedAt.addSecs(qint64(5) * 60));
        plan.followUp.reset();
    }
    if (plan.corrective && plan.correctiveId.isEmpty())
        schedule(index, Step::RaiseCorrectiveAction, onDay(workingDaysAfter(now, between(1, 3)), m_clock.now()));
    if (plan.closeWithoutVisit) {
        schedule(index, Step::CloseWithoutVisit, onDay(workingDaysAfter(now, between(1, 2)), m_clock.now()));
        return {};
    }
    // BRIEF §5: the follow-up visit within 5 working days of resolution.
    const int after = plan.visitAfter >= 0 ? plan.visitAfter : chance(lateVisitShare) ? 6 : between(1, 4);
    schedule(index, Step::Visit, onDay(workingDaysAfter(now, after), m_clock.now()));
    return {};
}

Status DemoCaseGenerator::closeWithoutVisit(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    // BRIEF §6: an anonymous complaint is verified and filed; there is nobody to call back.
    auto change = m_service.transition(plan.caseId,
        {CaseStatus::Visited, QStringLiteral("匿名投诉，无法回访，核实后存档"), {}}, {}, access(plan.supervisor));
    if (auto ok = checked(change, plan, QStringLiteral("close")); !ok)
        return ok;
    schedule(index, Step::Archive, onDay(workingDaysAfter(today(), between(1, 5)), m_clock.now()));
    return {};
}

Status DemoCaseGenerator::visit(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    VisitScript script;
    if (!plan.visits.isEmpty()) {
        script = plan.visits.takeFirst();
    } else if (!plan.scenario.isEmpty()) {
        script = {true, QStringLiteral("yes"), QStringLiteral("satisfied"), QString()}; // the story ends well
    } else {
        script.reached = chance(visitReachedShare);
        if (script.reached) {
            const double solved = m_random.generateDouble();
            script.solved = solved < 0.98 ? QStringLiteral("yes")
                : solved < 0.995          ? QStringLiteral("partly")
                                          : QStringLiteral("no");
            // BRIEF §8: about 88% satisfied or basically satisfied among customers reached.
            const double mood = m_random.generateDouble();
            const double dissatisfied = plan.reworks == 0 ? 0.095 : 0.04;
            script.satisfaction = mood < dissatisfied ? QStringLiteral("dissatisfied")
                : mood < 0.68                         ? QStringLiteral("satisfied")
                                                      : QStringLiteral("basically_satisfied");
            if (plan.reworks >= 2) { // after two rounds the matter is settled one way or the other
                script.solved = QStringLiteral("yes");
                script.satisfaction = QStringLiteral("basically_satisfied");
            }
            static const QStringList comments = {QString(), QString(), QStringLiteral("处理及时，满意"),
                QStringLiteral("希望以后提前告知收费标准"), QStringLiteral("希望缩短排队时间"),
                QStringLiteral("对处理结果认可"), QStringLiteral("建议加强员工培训")};
            script.comments = oneOf(comments);
        }
    }
    static const QStringList methods = {QStringLiteral("phone"), QStringLiteral("phone"), QStringLiteral("phone"),
        QStringLiteral("phone"), QStringLiteral("sms"), QStringLiteral("in_person")};
    QJsonObject record {{QStringLiteral("visited_at"), iso(m_clock.now())},
        {QStringLiteral("method"), plan.anonymous ? QStringLiteral("phone") : oneOf(methods)},
        {QStringLiteral("visitor"), plan.supervisor.name}, {QStringLiteral("reached"), script.reached}};
    if (script.reached) {
        record.insert(QStringLiteral("solved"), script.solved);
        record.insert(QStringLiteral("satisfaction"), script.satisfaction);
        if (!script.comments.isEmpty())
            record.insert(QStringLiteral("comments"), script.comments);
    }
    auto change = m_service.appendRecord(plan.caseId, QStringLiteral("visit"), record, access(plan.supervisor));
    if (auto ok = checked(change, plan, QStringLiteral("visit")); !ok)
        return ok;
    ++m_tally.visits;
    if (script.reached) {
        ++m_tally.visitsReached;
        if (script.satisfaction == QLatin1String("satisfied"))
            ++m_tally.satisfied;
        else if (script.satisfaction == QLatin1String("basically_satisfied"))
            ++m_tally.basicallySatisfied;
        else
            ++m_tally.dissatisfied;
    }
    const QDate now = today();
    switch (change->current.status) {
    case CaseStatus::Resolved: // not reached: try again the next working day
        schedule(index, Step::Visit, officeTime(workingDaysAfter(now, 1)));
        break;
    case CaseStatus::InProgress: // BRIEF §6: dissatisfied or unsolved, the case is re-opened
        ++plan.reworks;
        schedule(index, Step::Rework, onDay(workingDaysAfter(now, between(0, 1)), m_clock.now()));
        break;
    case CaseStatus::Visited:
        if (!script.reached)
            ++m_tally.unreachable;
        schedule(index, Step::Archive, onDay(workingDaysAfter(now, between(1, 5)), m_clock.now()));
        break;
    default:
        break;
    }
    return {};
}

Status DemoCaseGenerator::rework(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    auto change = m_service.appendRecord(plan.caseId, QStringLiteral("contact"),
        {{QStringLiteral("at"), iso(m_clock.now())}, {QStringLiteral("method"), QStringLiteral("phone")},
            {QStringLiteral("summary"), QStringLiteral("案件重新处理：再次联系客户，了解未解决的问题并商定处理方案")}},
        access(plan.handler));
    if (auto ok = checked(change, plan, QStringLiteral("rework")); !ok)
        return ok;
    if (plan.reworkSolution.isEmpty())
        plan.reworkSolution = QStringLiteral("补充处理：%1，并再次向客户说明").arg(plan.story.solution);
    plan.work = plan.reworkWork;
    plan.reworkWork.clear();
    plan.resolveOn = workingDaysAfter(today(), between(1, 3));
    scheduleNextWork(index);
    return {};
}

Status DemoCaseGenerator::archive(Plan &plan)
{
    auto change = m_service.transition(plan.caseId, {CaseStatus::Archived, {}, {}}, {}, access(plan.supervisor));
    return checked(change, plan, QStringLiteral("archive"));
}

Status DemoCaseGenerator::reopen(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    auto current = m_service.read(plan.caseId, access(plan.supervisor));
    if (!current)
        return stepError(current.error(), plan, QStringLiteral("reopen"));
    if (isOpen(current->status))
        return {}; // still being worked: the repeat is handled alongside
    // BRIEF §6 (art.18): the customer complained again, so the case returns to in-progress.
    auto change = m_service.transition(plan.caseId,
        {CaseStatus::InProgress, QStringLiteral("客户再次来电投诉，前次处理未落实"), {}}, {}, access(plan.supervisor));
    if (auto ok = checked(change, plan, QStringLiteral("reopen")); !ok)
        return ok;
    ++plan.generation;
    ++plan.reworks;
    schedule(index, Step::Rework, later(m_clock.now(), 30, 120));
    return {};
}

Status DemoCaseGenerator::raiseCorrectiveAction(std::size_t index)
{
    Plan &plan = *m_plans.at(index);
    static const QHash<QString, QString> titles
        = {{QStringLiteral("work_error"), QStringLiteral("柜面业务差错防控整改")},
            {QStringLiteral("service_attitude"), QStringLiteral("服务规范专项培训")},
            {QStringLiteral("product"), QStringLiteral("产品销售行为自查整改")},
            {QStringLiteral("channel"), QStringLiteral("自助设备及电子渠道巡检整改")},
            {QStringLiteral("internal_management"), QStringLiteral("业务办理进度告知机制整改")},
            {QStringLiteral("irregular_operation"), QStringLiteral("违规操作专项排查")}};
    const QString title = !plan.correctiveTitle.isEmpty()
        ? plan.correctiveTitle
        : titles.value(plan.story.category, QStringLiteral("投诉问题溯源整改"));
    // BRIEF §7: root-cause rectification with an owner and a due date, tracked to done.
    auto action = m_service.saveCorrectiveAction(
        {{QStringLiteral("case_id"), plan.caseId}, {QStringLiteral("title"), title},
            {QStringLiteral("description"), plan.story.facts}, {QStringLiteral("owner"), plan.unit},
            {QStringLiteral("due_on"), today().addDays(30).toString(Qt::ISODate)}},
        access(plan.supervisor));
    if (!action)
        return stepError(action.error(), plan, QStringLiteral("corrective_action"));
    plan.correctiveId = action->id;
    if (plan.correctiveDone)
        schedule(index, Step::FinishCorrectiveAction, officeTime(workingDaysAfter(today(), between(8, 25))));
    return {};
}

Status DemoCaseGenerator::finishCorrectiveAction(Plan &plan)
{
    auto action = m_service.saveCorrectiveAction(
        {{QStringLiteral("status"), QStringLiteral("done")}}, access(plan.supervisor), plan.correctiveId);
    if (!action)
        return stepError(action.error(), plan, QStringLiteral("corrective_action_done"));
    return {};
}

// --- summary --------------------------------------------------------------------------------------

Result<DemoSummary> DemoCaseGenerator::summarise(QDate from, QDate to)
{
    DemoSummary summary = m_tally;
    summary.from = from;
    summary.to = to;
    CaseStore &store = m_service.store();
    const DeadlineCalculator &deadlines = m_service.rules().deadlines();
    const QDateTime end = at(to, QTime(18, 0));
    QSet<QString> ids;
    CaseQuery query;
    // received_at is stored in UTC; a day either side, then exactly by the branch's date below.
    query.receivedFrom = from.addDays(-1);
    query.receivedTo = to.addDays(1);
    query.limit = 1000;
    do {
        auto page = store.listCases(query);
        if (!page)
            return page.error();
        for (const Case &c : page->cases) {
            const auto branch = m_organisation.branch(c.branchId);
            if (!branch)
                continue;
            const QDate received = deadlines.localDate(c.receivedAt, *branch);
            if (received < from || received > to)
                continue;
            ids.insert(c.id);
            ++summary.cases;
            ++summary.byStatus[c.status];
            if (isOpen(c.status)) {
                ++summary.open;
                if (deadlines.dueState(c, *branch, end).overdue)
                    ++summary.overdueOpen;
            }
            if (c.resolvedAt.isValid()) {
                ++summary.resolved;
                if (deadlines.resolvedOnTime(c, *branch))
                    ++summary.resolvedOnTime;
            }
            summary.extended += c.resolveExtended ? 1 : 0;
            summary.escalated += c.escalated ? 1 : 0;
            summary.reopened += c.reopenCount > 0 ? 1 : 0;
            summary.repeats += c.repeatOf.isEmpty() ? 0 : 1;
            summary.conductIssues += c.conductIssue ? 1 : 0;
        }
        query.cursor = page->nextCursor;
    } while (!query.cursor.isEmpty());
    auto actions = store.correctiveActions({});
    if (!actions)
        return actions.error();
    for (const CorrectiveAction &action : actions.value()) {
        if (!ids.contains(action.caseId))
            continue;
        if (action.status == QLatin1String("done"))
            ++summary.correctiveActionsDone;
        else
            ++summary.correctiveActionsOpen;
    }
    return summary;
}

} // namespace casedesk
