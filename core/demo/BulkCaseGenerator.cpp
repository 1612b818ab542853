#include "demo/BulkCaseGenerator.h"

#include "casework/CaseEvaluator.h"
#include "casework/CaseNumber.h"
#include "casework/CaseRules.h"
#include "casework/ContactFingerprint.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QUuid>

#include <cmath>

namespace casedesk {

namespace {

// Demo realism (see DemoCaseGenerator): how busy closed days are and how often a step is late.
constexpr double closedDayWeight = 0.12; // a closed day sees hotline and online complaints only
constexpr double lateReviewShare = 0.03;
constexpr double lateResolveShare = 0.04;
constexpr double nextDayContactShare = 0.3;
constexpr double withdrawnShare = 0.015;
constexpr double idNumberShare = 0.3;
constexpr double satisfiedShare = 0.72; // of visits; the rest basically satisfied
// A device code no counter is given in practice, so bulk numbers never collide with demo ones.
const QString bulkDevice = QStringLiteral("ZZ");

} // namespace

BulkCaseGenerator::BulkCaseGenerator(
    CaseStore &store, std::shared_ptr<const CaseRules> rules, const DemoOrganisation &organisation, quint32 seed)
    : m_store(store)
    , m_rules(std::move(rules))
    , m_organisation(organisation)
    , m_random(seed)
    , m_people(m_random)
    , m_mix(m_rules->taxonomy())
    , m_zone(QTimeZone(organisation.headOffice().timeZone.toUtf8()))
{
    if (!m_zone.isValid())
        m_zone = QTimeZone(m_rules->limits().defaultTimeZone().toUtf8());
}

QString BulkCaseGenerator::uuid()
{
    // A version-4 UUID from the seeded generator, so a seed gives the same ids every time.
    const quint32 a = m_random.generate();
    const quint32 b = m_random.generate();
    const quint32 c = m_random.generate();
    const quint32 d = m_random.generate();
    const QUuid id(a, ushort(b >> 16), ushort((b & 0x0fff) | 0x4000), uchar(((c >> 24) & 0x3f) | 0x80), uchar(c >> 16),
        uchar(c >> 8), uchar(c), uchar(d >> 24), uchar(d >> 16), uchar(d >> 8), uchar(d));
    return id.toString(QUuid::WithoutBraces);
}

int BulkCaseGenerator::between(int lowest, int highest)
{
    return highest <= lowest ? lowest : lowest + int(m_random.bounded(highest - lowest + 1));
}

bool BulkCaseGenerator::chance(double probability)
{
    return m_random.generateDouble() < probability;
}

QDateTime BulkCaseGenerator::officeTime(QDate day)
{
    return QDateTime(day, QTime(9, 0).addSecs(qint64(60) * between(0, 510)), m_zone);
}

QDateTime BulkCaseGenerator::after(QDate day, const QDateTime &previous)
{
    const QDateTime local = previous.toTimeZone(m_zone);
    if (day > local.date())
        return officeTime(day);
    const QDateTime next = local.addSecs(qint64(60) * between(10, 120));
    if (next.date() == day && next.time() <= QTime(18, 0))
        return next;
    return officeTime(m_rules->calendar().nextWorkingDay(day));
}

Status BulkCaseGenerator::generate(qint64 count, QDate from, QDate to)
{
    if (count < 0 || !from.isValid() || !to.isValid() || from > to) {
        return Error {QStringLiteral("invalid_period"),
            tr("Give a number of cases and a period from a date to a later one."), {}};
    }
    const QList<Branch> branches = m_organisation.receivingBranches();
    if (branches.isEmpty())
        return Error {QStringLiteral("invalid_organisation"), tr("The demo organisation has no branches."), {}};
    const WorkingDayCalendar &calendar = m_rules->calendar();

    QList<Staff> staff;
    double branchTotal = 0;
    for (const Branch &b : branches) {
        Staff s;
        s.counter = m_organisation.withRole(Role::Reception, b.id);
        if (s.counter.isEmpty())
            s.counter = m_organisation.withRole(Role::Supervisor);
        if (const auto supervisor = m_organisation.supervisorFor(b.id))
            s.supervisor = *supervisor;
        for (const TaxonomyEntry &unit : m_rules->taxonomy().units()) {
            QList<User> handlers = m_organisation.handlersFor(unit.code, b.id);
            if (handlers.isEmpty())
                handlers = m_organisation.handlersFor(QStringLiteral("branch_office"), b.id);
            if (!handlers.isEmpty())
                s.handlerOfUnit.insert(unit.code, handlers.first());
        }
        staff.append(s);
        branchTotal += DemoCaseMix::branchWeight(b.code);
    }

    // Cases per day in proportion to how busy the day is, rounded so that they add up to `count`.
    QList<double> dayWeights;
    double dayTotal = 0;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        dayWeights.append(calendar.isWorkingDay(day) ? 1.0 : closedDayWeight);
        dayTotal += dayWeights.last();
    }

    const QDateTime end(to, QTime(18, 0), m_zone);
    QList<Case> batch;
    QList<CaseRecord> records;
    qint64 written = 0;
    double cumulative = 0;
    for (qsizetype d = 0; d < dayWeights.size(); ++d) {
        const QDate day = from.addDays(d);
        cumulative += dayWeights.at(d);
        const qint64 target = d == dayWeights.size() - 1 ? count : std::llround(double(count) * cumulative / dayTotal);
        for (; written < target; ++written) {
            // Which branch, by its share of the customers.
            double pick = m_random.generateDouble() * branchTotal;
            qsizetype b = 0;
            for (; b < branches.size() - 1; ++b) {
                pick -= DemoCaseMix::branchWeight(branches.at(b).code);
                if (pick < 0)
                    break;
            }
            Case c = intake(branches.at(b), staff.at(b), day, written);
            live(c, branches.at(b), staff.at(b), end, records);
            batch.append(std::move(c));
            if (batch.size() >= m_batchSize) {
                if (auto ok = write(batch, records); !ok)
                    return ok;
                if (m_progress)
                    m_progress(written + 1);
            }
        }
    }
    if (!batch.isEmpty()) {
        if (auto ok = write(batch, records); !ok)
            return ok;
        if (m_progress)
            m_progress(written);
    }
    return {};
}

Case BulkCaseGenerator::intake(const Branch &branch, const Staff &staff, QDate day, qint64 serial)
{
    const bool open = m_rules->calendar().isWorkingDay(day);
    const DemoStory story = m_mix.story(m_mix.category(m_random), m_random);
    const bool anonymous = story.category == QLatin1String("anonymous");
    Case c;
    c.id = uuid();
    c.branchId = branch.id;
    c.channel = anonymous ? Channel::OpinionBox : m_mix.channel(m_random, open);
    c.category = story.category;
    c.businessCategory = story.businessCategory;
    c.summary = story.summary;
    c.demand = story.demand;
    c.product = story.product;
    if (story.amountYuan)
        c.amount = Money::fromFen(*story.amountYuan * 100);
    c.fundsSafety = story.fundsSafety;
    c.legalDispute = story.legalDispute;
    c.cause = story.cause; // kept only once the case is resolved (live)
    c.complainant.anonymous = anonymous;
    if (!anonymous) {
        c.complainant.name = m_people.name();
        c.complainant.phone = m_people.mobile();
        if (chance(idNumberShare))
            c.complainant.idNumber = m_people.idNumber(branch.code, day);
    }
    // Counters keep office hours, the hotline longer, online any time.
    const int fromMinute = c.channel == Channel::Online ? 7 * 60 : c.channel == Channel::Phone ? 8 * 60 + 30 : 9 * 60;
    const int toMinute = c.channel == Channel::Online ? 23 * 60 + 50 : c.channel == Channel::Phone ? 20 * 60 : 17 * 60;
    c.receivedAt = QDateTime(day, QTime(0, 0).addSecs(qint64(60) * between(fromMinute, toMinute)), m_zone);
    c.receivedBy = staff.counter.at(m_random.bounded(int(staff.counter.size()))).id;
    switch (c.channel) {
    case Channel::Media:
        c.mediaOutlet = m_mix.mediaOutlet(m_random);
        break;
    case Channel::ForwardedRegulator:
        c.forwarding = {m_mix.regulatorBody(m_random), QStringLiteral("JG-%1").arg(serial), day.addDays(10)};
        break;
    case Channel::ForwardedSuperior:
        c.forwarding = {m_mix.superiorBody(m_random), QStringLiteral("ZB-%1").arg(serial), {}};
        break;
    case Channel::WalkIn:
        c.recordingReference = QStringLiteral("LX-%1-%2").arg(branch.code).arg(serial);
        break;
    default:
        break;
    }
    const QString prefix = CaseNumber::prefix(branch.code, day, bulkDevice);
    c.number = CaseNumber::format(branch.code, day, bulkDevice, ++m_sequences[prefix]);
    if (m_hasher)
        ContactFingerprint::apply(c, *m_hasher);
    // Priority, routing and the deadlines of BRIEF §4–§5, exactly as at intake.
    CaseEvaluator(*m_rules).evaluate(c, branch, {}, true);
    c.createdAt = c.receivedAt;
    c.updatedAt = c.receivedAt;
    return c;
}

void BulkCaseGenerator::live(
    Case &c, const Branch &branch, const Staff &staff, const QDateTime &end, QList<CaseRecord> &records)
{
    const WorkingDayCalendar &calendar = m_rules->calendar();
    const QDateTime received = c.receivedAt.toTimeZone(m_zone);
    const QDate day = received.date();
    // Reviewed the same day unless it came late or on a closed day (BRIEF §5: within a working day).
    QDate reviewDay
        = calendar.isWorkingDay(day) && received.time() < QTime(15, 30) ? day : calendar.nextWorkingDay(day);
    if (chance(lateReviewShare))
        reviewDay = calendar.addWorkingDays(reviewDay, 1);
    const QDateTime registered = after(reviewDay, received);
    const QDateTime dispatched = after(registered.date(), registered);
    const QDateTime contacted = after(
        chance(nextDayContactShare) ? calendar.addWorkingDays(dispatched.date(), 1) : dispatched.date(), dispatched);
    // Resolved early in the allowance, a few after the governing deadline.
    const QDate due = c.deadlines.dueBy.isValid() ? qMax(c.deadlines.dueBy, dispatched.date()) : dispatched.date();
    QDate resolveDay;
    if (chance(lateResolveShare)) {
        resolveDay = calendar.addWorkingDays(due, between(1, 4));
    } else {
        const int allowance = calendar.workingDaysBetween(dispatched.date(), due);
        resolveDay = calendar.addWorkingDays(dispatched.date(), qMin(between(0, allowance), between(0, allowance)));
    }
    const QDateTime resolved = after(qMax(resolveDay, contacted.date()), contacted);
    // BRIEF §5: the follow-up visit within 5 working days, then archived.
    const QDateTime visited = after(calendar.addWorkingDays(resolved.date(), between(1, 4)), resolved);
    const QDateTime archived = after(calendar.addWorkingDays(visited.date(), between(1, 5)), visited);
    const bool withdrawn = !c.complainant.anonymous && chance(withdrawnShare);
    const QDateTime withdrawnAt = after(calendar.addWorkingDays(contacted.date(), 1), contacted);
    const QString cause = c.cause;
    c.cause.clear();

    // Each step happened if its time is not after the end of the period.
    const auto reached = [&](const QDateTime &t) {
        if (t > end)
            return false;
        c.updatedAt = t;
        return true;
    };
    if (reached(registered)) {
        c.status = CaseStatus::Registered;
        c.registeredAt = registered;
    }
    if (reached(dispatched)) {
        c.status = CaseStatus::Dispatched;
        c.dispatchedAt = dispatched;
        c.assigneeId = staff.handlerOfUnit.value(c.handlingUnit).id;
        c.escalated = c.channel == Channel::Media || c.channel == Channel::ForwardedRegulator;
    }
    if (reached(contacted)) {
        c.status = CaseStatus::InProgress;
        if (!c.complainant.anonymous)
            c.firstContactAt = contacted;
    }
    if (withdrawn && reached(withdrawnAt)) {
        c.status = CaseStatus::Withdrawn;
        c.closedAt = withdrawnAt;
    } else if (reached(resolved)) {
        c.status = CaseStatus::Resolved;
        c.resolvedAt = resolved;
        c.cause = cause;
        if (reached(visited)) {
            c.status = CaseStatus::Visited;
            c.visitedAt = visited;
            // BRIEF §7: the visit of a closed case had a settled outcome (an unhappy one would have
            // re-opened it).
            CaseRecord visit;
            visit.id = uuid();
            visit.caseId = c.id;
            visit.kind = QStringLiteral("visit");
            visit.createdAt = visited;
            visit.createdBy = staff.supervisor.id;
            visit.data = {{QStringLiteral("visited_at"), visited.toString(Qt::ISODate)},
                {QStringLiteral("method"), QStringLiteral("phone")}, {QStringLiteral("visitor"), staff.supervisor.name},
                {QStringLiteral("attempt"), 1}, {QStringLiteral("reached"), true},
                {QStringLiteral("solved"), QStringLiteral("yes")},
                {QStringLiteral("satisfaction"),
                    chance(satisfiedShare) ? QStringLiteral("satisfied") : QStringLiteral("basically_satisfied")}};
            records.append(visit);
            if (reached(archived)) {
                c.status = CaseStatus::Archived;
                c.closedAt = archived;
            }
        }
    }
    // Contact-by and visit-by follow from dispatch and resolution.
    CaseEvaluator(*m_rules).refreshDeadlines(c, branch);
}

Status BulkCaseGenerator::write(QList<Case> &cases, QList<CaseRecord> &records)
{
    // The one place that writes: a transaction a batch, revisions from the store's counter so that
    // sync pull sees bulk cases like any others (DESIGN §6).
    auto transaction = m_store.database().transaction();
    for (Case &c : cases) {
        auto revision = m_store.nextRevision();
        if (!revision)
            return revision.error();
        c.revision = *revision;
        if (auto ok = m_store.insertCase(c); !ok)
            return ok;
    }
    for (CaseRecord &record : records) {
        auto revision = m_store.nextRevision();
        if (!revision)
            return revision.error();
        record.revision = *revision;
        if (auto ok = m_store.appendRecord(record); !ok)
            return ok;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok;
    cases.clear();
    records.clear();
    return {};
}

} // namespace casedesk
