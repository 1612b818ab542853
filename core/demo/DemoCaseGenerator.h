#pragma once

#include "base/Clock.h"
#include "base/Result.h"
#include "casework/CaseChange.h"
#include "demo/DemoCaseMix.h"
#include "demo/DemoOrganisation.h"
#include "demo/DemoPeople.h"
#include "demo/DemoSummary.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QTimeZone>

#include <map>
#include <memory>
#include <vector>

namespace casedesk {

class CaseService;

// Fills a period with a bank's everyday complaint work, done through CaseService as staff would do
// it, so every rule, deadline, audit event and follow-up visit is real: counters log complaints,
// complaint managers review and dispatch them, handlers contact, investigate and reply, visits follow,
// cases are archived; plus the walk-throughs of SCENARIOS.md on realistic dates. The clock moves
// from step to step over the holiday calendar's working days; each simulated day is one transaction.
// The same seed gives the same cases, numbers and figures.
class DemoCaseGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoCaseGenerator)

public:
    DemoCaseGenerator(CaseService &service, FixedClock &clock, const DemoOrganisation &organisation, quint32 seed);
    ~DemoCaseGenerator();
    DemoCaseGenerator(const DemoCaseGenerator &) = delete;
    DemoCaseGenerator &operator=(const DemoCaseGenerator &) = delete;

    // Complaints received from `from` to `to` (inclusive) and the work done on them up to the end of
    // `to`; what is still due then is left open, some of it overdue. Leaves the clock at `to` 18:00.
    Result<DemoSummary> generate(QDate from, QDate to);

private:
    struct Plan;
    enum class Step : int;
    struct Task
    {
        std::size_t plan = 0;
        Step step {};
        int generation = 0;
    };

    // Planning.
    void planScenarios(QDate from, QDate to);
    void planDay(QDate day, QDate to);
    void planEverydayCase(const Branch &branch, QDate day, bool branchOpen, const QString &boosted, QDate to);
    std::size_t addPlan(std::unique_ptr<Plan> plan);
    QJsonObject complainantJson(const Plan &plan) const;

    // The agenda of future steps, in time order.
    void schedule(std::size_t plan, Step step, const QDateTime &at);
    Status run(const Task &task);

    // One step of a case's life each; they schedule what follows.
    Status intake(std::size_t index);
    Status review(std::size_t index);
    Status dispatch(std::size_t index);
    Status escalate(Plan &plan);
    Status markMalicious(Plan &plan);
    Status start(std::size_t index);
    Status contact(std::size_t index);
    Status extend(std::size_t index);
    Status investigate(std::size_t index);
    Status work(std::size_t index);
    Status withdraw(std::size_t index);
    Status transfer(std::size_t index);
    Status resolve(std::size_t index);
    Status closeWithoutVisit(std::size_t index);
    Status visit(std::size_t index);
    Status rework(std::size_t index);
    Status archive(Plan &plan);
    Status reopen(std::size_t index);
    Status raiseCorrectiveAction(std::size_t index);
    Status finishCorrectiveAction(Plan &plan);
    void scheduleNextWork(std::size_t index);
    QDate plannedResolution(const Plan &plan, QDate due) const;

    // Time on the branch calendar.
    QDateTime at(QDate day, QTime time) const;
    QDateTime officeTime(QDate day);
    QDateTime later(const QDateTime &after, int minMinutes, int maxMinutes);
    QDateTime onDay(QDate day, const QDateTime &after);
    QDate workingDaysAfter(QDate day, int n) const;
    QDate firstWorkingDayFrom(QDate day) const;
    QString iso(const QDateTime &at) const;
    QDate today() const;

    // Chance.
    bool chance(double probability);
    int between(int lowest, int highest);
    int poisson(double mean);
    template<typename T>
    const T &oneOf(const QList<T> &items)
    {
        return items.at(m_random.bounded(int(items.size())));
    }

    Status checked(const Result<CaseChange> &result, Plan &plan, const QString &step);
    Error stepError(Error error, const Plan &plan, const QString &step) const;
    AccessPolicy access(const User &user) const { return m_organisation.access(user); }
    QString deviceCode(const Branch &branch, const User &creator);
    Result<DemoSummary> summarise(QDate from, QDate to);

    CaseService &m_service;
    FixedClock &m_clock;
    const DemoOrganisation &m_organisation;
    QRandomGenerator m_random;
    DemoPeople m_people;
    DemoCaseMix m_mix;
    QTimeZone m_zone;
    std::vector<std::unique_ptr<Plan>> m_plans;
    std::map<std::pair<qint64, quint64>, Task> m_agenda; // (time, order of scheduling) → step
    quint64 m_scheduled = 0;
    QHash<QString, QString> m_devices; // branch code + login → device code of case numbers
    DemoSummary m_tally; // what is counted as it happens (visit outcomes)
};

} // namespace casedesk
