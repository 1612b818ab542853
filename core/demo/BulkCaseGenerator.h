#pragma once

#include "base/Result.h"
#include "demo/DemoCaseMix.h"
#include "demo/DemoOrganisation.h"
#include "demo/DemoPeople.h"
#include "domain/Case.h"
#include "domain/CaseRecord.h"
#include "domain/User.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QRandomGenerator>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace casedesk {

class CaseRules;
class CaseStore;
class KeyedHasher;

// Writes many synthetic cases straight into a store for benchmarks (queues, search, reports, sync
// over 100k or 1M cases): the same complaint mix as the demo, priority, routing and deadlines from
// the rules (CaseEvaluator), a life cycle consistent with them up to the end of the period (closed
// cases have their resolution and visit), in large transactions. No audit trail: the cases were
// never worked, they are data to measure with. Deterministic for a seed.
class BulkCaseGenerator
{
    Q_DECLARE_TR_FUNCTIONS(BulkCaseGenerator)

public:
    BulkCaseGenerator(
        CaseStore &store, std::shared_ptr<const CaseRules> rules, const DemoOrganisation &organisation, quint32 seed);

    // Phone and ID fingerprints for repeat detection, as the server computes them (optional).
    void setHasher(const KeyedHasher *hasher) { m_hasher = hasher; }
    // Cases per transaction (default 10000).
    void setBatchSize(int cases) { m_batchSize = qMax(1, cases); }
    // Called after each committed batch with the number of cases written so far.
    void setProgress(std::function<void(qint64)> progress) { m_progress = std::move(progress); }

    // Exactly `count` cases received from `from` to `to`, spread over the working days (a few on
    // closed days) and the receiving branches; their state is what it would be at the end of `to`.
    Status generate(qint64 count, QDate from, QDate to);

private:
    // Who does the work at a branch, looked up once.
    struct Staff
    {
        QList<User> counter;
        User supervisor;
        QHash<QString, User> handlerOfUnit;
    };

    // The facts of a complaint received at a branch on a day, classified and timed by the rules.
    Case intake(const Branch &branch, const Staff &staff, QDate day, qint64 serial);
    // Moves the case through its life as far as the end of the period allows; a visit record for
    // a visited case goes to `records`.
    void live(Case &c, const Branch &branch, const Staff &staff, const QDateTime &end, QList<CaseRecord> &records);
    Status write(QList<Case> &cases, QList<CaseRecord> &records);
    QString uuid();
    int between(int lowest, int highest);
    bool chance(double probability);
    QDateTime officeTime(QDate day);
    // The time of a step on `day` after the previous one: later that day, or in office hours.
    QDateTime after(QDate day, const QDateTime &previous);

    CaseStore &m_store;
    std::shared_ptr<const CaseRules> m_rules;
    const DemoOrganisation &m_organisation;
    QRandomGenerator m_random;
    DemoPeople m_people;
    DemoCaseMix m_mix;
    QTimeZone m_zone;
    QHash<QString, int> m_sequences; // case number prefix → last sequence used
    const KeyedHasher *m_hasher = nullptr;
    int m_batchSize = 10000;
    std::function<void(qint64)> m_progress;
};

} // namespace casedesk
