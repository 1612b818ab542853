#include "base/Clock.h"
#include "casework/CaseEvaluator.h"
#include "casework/CaseRules.h"
#include "casework/CaseService.h"
#include "casework/ContactFingerprint.h"
#include "demo/BulkCaseGenerator.h"
#include "demo/DemoCaseGenerator.h"
#include "demo/DemoOrganisation.h"
#include "security/KeyedHasher.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "validation/ChineseIdNumber.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace casedesk;

namespace {

const QTimeZone shanghai("Asia/Shanghai");

// A store with the demo bank, the shipped rules and a CaseService with fingerprints, as the
// server's `demo` command sets them up.
struct DemoBank
{
    explicit DemoBank(QDate start)
        : clock(QDateTime(start, QTime(8, 0), shanghai))
        , hasher(QByteArray(KeyedHasher::keySize, 'd'))
        , rules(CaseRules::builtIn())
    {
        database = Database::open(QStringLiteral(":memory:")).value();
        store = std::make_unique<CaseStore>(*database);
        if (!store->migrate())
            qFatal("migration failed");
        CaseService::Options options;
        options.hasher = &hasher;
        service = std::make_unique<CaseService>(*store, rules, clock, options);
        auto created = DemoOrganisation::create(*store, clock);
        if (!created)
            qFatal("%s", qPrintable(created.error().message));
        organisation = std::make_unique<DemoOrganisation>(*created);
    }

    Result<DemoSummary> generate(quint32 seed, QDate from, QDate to)
    {
        DemoCaseGenerator generator(*service, clock, *organisation, seed);
        return generator.generate(from, to);
    }

    QList<Case> allCases() const
    {
        QList<Case> cases;
        CaseQuery query;
        query.limit = 1000;
        do {
            auto page = store->listCases(query);
            if (!page)
                qFatal("%s", qPrintable(page.error().message));
            cases += page->cases;
            query.cursor = page->nextCursor;
        } while (!query.cursor.isEmpty());
        return cases;
    }

    Case byNumber(const QString &number) const
    {
        auto found = store->findCaseByNumber(number);
        return found && found->has_value() ? **found : Case();
    }

    QDate localDate(const QDateTime &at) const { return at.toTimeZone(shanghai).date(); }

    FixedClock clock;
    KeyedHasher hasher;
    std::shared_ptr<const CaseRules> rules;
    std::unique_ptr<Database> database;
    std::unique_ptr<CaseStore> store;
    std::unique_ptr<CaseService> service;
    std::unique_ptr<DemoOrganisation> organisation;
};

QStringList transitionsTo(const QList<AuditEvent> &trail)
{
    QStringList steps;
    for (const AuditEvent &e : trail) {
        if (e.toStatus && (e.action == QLatin1String("transition") || e.action == QLatin1String("created")))
            steps.append(toCode(*e.toStatus));
    }
    return steps;
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private:
    // Two months with Mid-Autumn and the National Day week in them, generated once for the shape tests.
    const QDate from {2026, 9, 1};
    const QDate to {2026, 10, 31};
    std::unique_ptr<DemoBank> bank;
    DemoSummary summary;
    QList<Case> cases;

private slots:
    void initTestCase()
    {
        bank = std::make_unique<DemoBank>(from);
        auto generated = bank->generate(42, from, to);
        QVERIFY2(generated.ok(), generated.ok() ? "" : qPrintable(generated.error().message));
        summary = *generated;
        cases = bank->allCases();
    }

    void organisationHasTheNamedBranches_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("parent");
        QTest::newRow("head office") << "HO"
                                     << "总行"
                                     << "";
        QTest::newRow("SH01") << "SH01"
                              << "上海分行营业部"
                              << "HO";
        QTest::newRow("SZ02") << "SZ02"
                              << "深圳南山支行"
                              << "HO";
        QTest::newRow("BJ03") << "BJ03"
                              << "北京西城支行"
                              << "HO";
        QTest::newRow("GZ04") << "GZ04"
                              << "广州天河支行"
                              << "HO";
        QTest::newRow("HZ05") << "HZ05"
                              << "杭州西湖支行"
                              << "HO";
        QTest::newRow("CD06") << "CD06"
                              << "成都高新支行"
                              << "HO";
        QTest::newRow("sub-branch of SH01") << "SH07"
                                            << "上海陆家嘴支行"
                                            << "SH01";
        QTest::newRow("sub-branch of SZ02") << "SZ08"
                                            << "深圳前海支行"
                                            << "SZ02";
    }

    void organisationHasTheNamedBranches()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QFETCH(QString, parent);
        const auto branch = bank->organisation->branchByCode(code);
        QVERIFY(branch.has_value());
        QCOMPARE(branch->name, name);
        const auto stored = bank->store->findBranchByCode(code);
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->parentId, parent.isEmpty() ? QString() : bank->organisation->branchByCode(parent)->id);
        if (code != QLatin1String("HO")) // every branch has a counter (BRIEF §1)
            QVERIFY(!bank->organisation->withRole(Role::Reception, branch->id).isEmpty());
    }

    void organisationHasEveryRoleAndUnit()
    {
        const DemoOrganisation &org = *bank->organisation;
        for (const QString &code : allCodes<Role>())
            QVERIFY2(!org.withRole(*fromCode<Role>(code)).isEmpty(), qPrintable(code));
        // A handler for every unit of the taxonomy, reachable from every branch.
        for (const TaxonomyEntry &unit : bank->rules->taxonomy().units()) {
            for (const Branch &branch : org.receivingBranches())
                QVERIFY2(!org.handlersFor(unit.code, branch.id).isEmpty(), qPrintable(unit.code + branch.code));
        }
        QVERIFY(org.supervisorFor(org.branchByCode(QStringLiteral("SH07"))->id).has_value());
        QCOMPARE(org.logins().size(), org.users().size());
        QSet<QString> logins;
        for (const DemoLogin &login : org.logins()) {
            QVERIFY(!login.branchCode.isEmpty());
            QVERIFY(!login.roles.isEmpty());
            logins.insert(login.login);
        }
        QCOMPARE(logins.size(), org.users().size());
        const auto handler = org.user(QStringLiteral("zhangwei"));
        QVERIFY(handler.has_value());
        QCOMPARE(handler->unit, QStringLiteral("product_management"));
        QVERIFY(!org.user(QStringLiteral("nobody")).has_value());
        QCOMPARE(bank->store->users()->size(), org.users().size());
    }

    void seedingTwiceChangesNothing()
    {
        const qsizetype users = bank->store->users()->size();
        auto again = DemoOrganisation::create(*bank->store, bank->clock);
        QVERIFY(again.ok());
        QCOMPARE(bank->store->users()->size(), users);
        QCOMPARE(bank->store->branches()->size(), bank->organisation->branches().size());
        QCOMPARE(again->user(QStringLiteral("lina"))->id, bank->organisation->user(QStringLiteral("lina"))->id);
    }

    void casesInEveryStatus_data()
    {
        QTest::addColumn<CaseStatus>("status");
        for (const QString &code : allCodes<CaseStatus>())
            QTest::newRow(qPrintable(code)) << *fromCode<CaseStatus>(code);
    }

    void casesInEveryStatus()
    {
        QFETCH(CaseStatus, status);
        QVERIFY(summary.byStatus.value(status) > 0);
        CaseQuery query;
        query.statuses = {status};
        QCOMPARE(bank->store->countCases(query).value(), summary.byStatus.value(status));
    }

    void volumeAndMix()
    {
        // ~10 a working week at each of 8 branches over ~8 working weeks, fewer in the holiday weeks.
        QCOMPARE(qint64(cases.size()), summary.cases);
        QVERIFY2(summary.cases > 450 && summary.cases < 1000, qPrintable(QString::number(summary.cases)));
        QHash<QString, int> categories;
        QHash<Channel, int> channels;
        for (const Case &c : cases) {
            ++categories[c.category];
            ++channels[c.channel];
        }
        QVERIFY(categories.value(QStringLiteral("work_error")) > categories.value(QStringLiteral("service_attitude")));
        QVERIFY(categories.value(QStringLiteral("service_attitude"))
            > categories.value(QStringLiteral("irregular_operation")));
        QVERIFY(channels.value(Channel::WalkIn) > channels.value(Channel::Letter) * 4);
        QVERIFY(channels.value(Channel::Media) >= 1);
        QVERIFY(channels.value(Channel::ForwardedRegulator) >= 1);
        QVERIFY(channels.value(Channel::Media) * 10 < channels.value(Channel::Online));
    }

    void holidaysOnlyOnlineAndPhone()
    {
        const WorkingDayCalendar &calendar = bank->rules->calendar();
        int onHolidays = 0;
        for (const Case &c : cases) {
            const QDate day = bank->localDate(c.receivedAt);
            if (calendar.isWorkingDay(day))
                continue;
            ++onHolidays;
            QVERIFY2(c.channel == Channel::Online || c.channel == Channel::Phone, qPrintable(c.number));
        }
        QVERIFY(onHolidays > 0);
        // The National Day week sees far fewer complaints than the week after it.
        CaseQuery holiday;
        holiday.receivedFrom = QDate(2026, 10, 1);
        holiday.receivedTo = QDate(2026, 10, 7);
        CaseQuery after;
        after.receivedFrom = QDate(2026, 10, 12);
        after.receivedTo = QDate(2026, 10, 18);
        QVERIFY(bank->store->countCases(holiday).value() * 3 < bank->store->countCases(after).value());
    }

    void complainantsAreRealisticAndSafe()
    {
        int withId = 0;
        for (const Case &c : cases) {
            if (c.complainant.anonymous) {
                QVERIFY(c.complainant.phone.isEmpty());
                continue;
            }
            QVERIFY2(c.complainant.phone.startsWith(QLatin1String("138"))
                    || c.complainant.phone.startsWith(QLatin1String("139")),
                qPrintable(c.complainant.phone));
            QCOMPARE(c.complainant.phone.size(), 11);
            QVERIFY(!c.phoneHash.isEmpty());
            if (!c.complainant.idNumber.isEmpty()) {
                ++withId;
                QVERIFY(ChineseIdNumber::normalise(c.complainant.idNumber, to).ok());
            }
        }
        QVERIFY(withId > 0);
    }

    void overdueOpenCasesAtTheEnd()
    {
        QVERIFY(summary.overdueOpen > 0);
        QVERIFY(summary.overdueOpen < summary.open);
        CaseQuery query;
        query.statuses = {CaseStatus::Received, CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress};
        query.overdue = true;
        query.today = to;
        QCOMPARE(bank->store->countCases(query).value(), summary.overdueOpen);
        // Mostly on time, some late (BRIEF §8); re-opened cases count with their later reply.
        QVERIFY2(summary.onTimeRate() > 0.75 && summary.onTimeRate() < 0.97,
            qPrintable(QString::number(summary.onTimeRate())));
        QVERIFY(summary.extended > 0);
        QVERIFY(summary.escalated > 0);
    }

    void repeatsAreLinkedToEarlierCases()
    {
        QVERIFY(summary.repeats > 0);
        QVERIFY2(summary.repeatRate() > 0.01 && summary.repeatRate() < 0.08,
            qPrintable(QString::number(summary.repeatRate())));
        int repeats = 0;
        for (const Case &c : cases) {
            if (c.repeatOf.isEmpty())
                continue;
            ++repeats;
            const auto earlier = bank->store->findCase(c.repeatOf);
            QVERIFY(earlier.ok() && earlier->has_value());
            const Case &first = **earlier;
            QVERIFY(first.receivedAt < c.receivedAt);
            QVERIFY(first.receivedAt.daysTo(c.receivedAt) <= bank->rules->limits().repeatWindowDays());
            QCOMPARE(first.phoneHash, c.phoneHash);
            QCOMPARE(first.category, c.category);
            QVERIFY(c.priority != Priority::Normal); // BRIEF §4: repeats are at least high
        }
        QCOMPARE(qint64(repeats), summary.repeats);
    }

    void visitsMostlySatisfied()
    {
        QVERIFY(summary.visits > summary.visitsReached);
        QVERIFY(summary.unreachable > 0);
        QVERIFY(summary.dissatisfied > 0);
        QVERIFY(summary.reopened > 0);
        // BRIEF §8, SCENARIOS 10: about 88% among customers reached.
        QVERIFY2(summary.satisfactionRate() > 0.82 && summary.satisfactionRate() < 0.95,
            qPrintable(QString::number(summary.satisfactionRate())));
        qint64 visits = 0;
        qint64 satisfied = 0;
        for (const Case &c : cases) {
            for (const CaseRecord &visit : bank->store->records(c.id, QStringLiteral("visit")).value()) {
                ++visits;
                const QString satisfaction = visit.data.value(QStringLiteral("satisfaction")).toString();
                satisfied += satisfaction == QLatin1String("satisfied")
                    || satisfaction == QLatin1String("basically_satisfied");
            }
        }
        QCOMPARE(visits, summary.visits);
        QCOMPARE(satisfied, summary.satisfied + summary.basicallySatisfied);
        QVERIFY(summary.correctiveActionsOpen > 0);
        QVERIFY(summary.correctiveActionsDone > 0);
    }

    void auditTrailsTellTheLifeCycle()
    {
        int archived = 0;
        for (const Case &c : cases) {
            if (c.status != CaseStatus::Archived || c.reopenCount > 0 || c.complainant.anonymous)
                continue;
            const auto trail = bank->store->auditTrail(c.id).value();
            QCOMPARE(transitionsTo(trail),
                (QStringList {QStringLiteral("received"), QStringLiteral("registered"), QStringLiteral("dispatched"),
                    QStringLiteral("in_progress"), QStringLiteral("resolved"), QStringLiteral("visited"),
                    QStringLiteral("archived")}));
            // Who did it: the counter logged it, the complaint manager reviewed it, the handler resolved it.
            QCOMPARE(trail.first().actorId, c.receivedBy);
            QVERIFY(std::any_of(trail.begin(), trail.end(),
                [&](const AuditEvent &e) { return e.toStatus == CaseStatus::Resolved && e.actorId == c.assigneeId; }));
            for (qsizetype i = 1; i < trail.size(); ++i)
                QVERIFY(trail.at(i - 1).at <= trail.at(i).at);
            if (++archived == 50)
                break;
        }
        QCOMPARE(archived, 50);
    }

    void deadlinesAreTheCalculators()
    {
        const CaseEvaluator evaluator(*bank->rules);
        for (const Case &c : cases) {
            Case copy = c;
            evaluator.refreshDeadlines(copy, *bank->organisation->branch(c.branchId));
            QCOMPARE(copy.deadlines, c.deadlines);
        }
    }

    void scenarios_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("branch");
        QTest::addColumn<Priority>("priority");
        QTest::addColumn<QString>("unit");
        QTest::newRow("1 walk-in") << "1_walk_in"
                                   << "SH01" << Priority::Normal << "branch_office";
        QTest::newRow("2 wealth management") << "2_wealth_management"
                                             << "SZ02" << Priority::Urgent << "product_management";
        QTest::newRow("3 regulator 12378") << "3_regulator_12378"
                                           << "GZ04" << Priority::Urgent << "consumer_protection";
        QTest::newRow("4 media") << "4_media"
                                 << "BJ03" << Priority::Urgent << "office";
        QTest::newRow("5 group") << "5_group"
                                 << "CD06" << Priority::Urgent << "operations";
        QTest::newRow("6 anonymous letter") << "6_anonymous_letter"
                                            << "HZ05" << Priority::Normal << "service_quality";
        QTest::newRow("6 malicious letter") << "6_malicious_letter"
                                            << "CD06" << Priority::Normal << "service_quality";
        QTest::newRow("7 repeat") << "7_repeat"
                                  << "SH01" << Priority::High << "branch_office";
        QTest::newRow("8 follow-up visit") << "8_follow_up_visit"
                                           << "HZ05" << Priority::Normal << "branch_office";
        QTest::newRow("9 pressured withdrawal") << "9_pressured_withdrawal"
                                                << "CD06" << Priority::High << "inspection";
    }

    void scenarios()
    {
        QFETCH(QString, key);
        QFETCH(QString, branch);
        QFETCH(Priority, priority);
        QFETCH(QString, unit);
        QVERIFY2(summary.scenarios.contains(key), qPrintable(key));
        const Case c = bank->byNumber(summary.scenarios.value(key));
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(c.branchId, bank->organisation->branchByCode(branch)->id);
        QCOMPARE(c.priority, priority);
        QCOMPARE(c.handlingUnit, unit);
        QVERIFY(bank->localDate(c.receivedAt) >= from && bank->localDate(c.receivedAt) <= to);
    }

    void scenarioDetails()
    {
        const auto scenario
            = [this](const char *key) { return bank->byNumber(summary.scenarios.value(QString::fromLatin1(key))); };
        const auto records = [this](const Case &c, const char *kind) {
            return bank->store->records(c.id, QString::fromLatin1(kind)).value();
        };
        // 1: Tuesday 10:20 at SH01, ¥25; her visit said "basically satisfied", which was premature (7).
        const Case walkIn = scenario("1_walk_in");
        QCOMPARE(walkIn.receivedAt.toTimeZone(shanghai).time(), QTime(10, 20));
        QCOMPARE(walkIn.receivedAt.toTimeZone(shanghai).date().dayOfWeek(), int(Qt::Tuesday));
        QCOMPARE(walkIn.complainant.name, QStringLiteral("陈敏"));
        QCOMPARE(walkIn.amount->fen(), qint64(2500));
        QCOMPARE(records(walkIn, "visit").first().data.value(QStringLiteral("satisfaction")).toString(),
            QStringLiteral("basically_satisfied"));
        QCOMPARE(walkIn.reopenCount, 1);
        // 7: three weeks after the resolution she calls again; linked, high priority.
        const Case repeat = scenario("7_repeat");
        QCOMPARE(repeat.repeatOf, walkIn.id);
        QVERIFY(repeat.summary.contains(walkIn.number));
        QVERIFY(repeat.receivedAt > walkIn.receivedAt.addDays(21));
        // 2: extended, mediated and compensated.
        const Case wealth = scenario("2_wealth_management");
        QVERIFY(wealth.resolveExtended);
        QVERIFY(wealth.threatensEscalation);
        QCOMPARE(records(wealth, "mediation").size(), 1);
        QCOMPARE(records(wealth, "compensation").first().data.value(QStringLiteral("amount")).toDouble(), 8000.0);
        // 3: the forwarding body's deadline governs, and the supervision reply is on file.
        const Case regulator = scenario("3_regulator_12378");
        QCOMPARE(regulator.deadlines.forwarderBy, bank->localDate(regulator.receivedAt).addDays(10));
        QCOMPARE(regulator.deadlines.dueBy, regulator.deadlines.forwarderBy);
        QCOMPARE(records(regulator, "supervision_reply").size(), 1);
        QVERIFY(regulator.escalated);
        // 4 and 5: escalated at once; the group has five representatives for twelve people.
        QVERIFY(scenario("4_media").escalated);
        const Case group = scenario("5_group");
        QCOMPARE(group.groupSize, 12);
        QCOMPARE(group.parties.size(), 5);
        // 6: anonymous, filed without a visit; the other one recorded as malicious.
        const Case letter = scenario("6_anonymous_letter");
        QVERIFY(letter.complainant.anonymous);
        QVERIFY(records(letter, "visit").isEmpty());
        QVERIFY(letter.status == CaseStatus::Visited || letter.status == CaseStatus::Archived);
        QVERIFY(scenario("6_malicious_letter").malicious);
        // 8: reached on the second attempt, satisfied, with the customer's suggestion.
        const auto visits = records(scenario("8_follow_up_visit"), "visit");
        QCOMPARE(visits.size(), 2);
        QVERIFY(!visits.at(0).data.value(QStringLiteral("reached")).toBool());
        QCOMPARE(visits.at(1).data.value(QStringLiteral("satisfaction")).toString(), QStringLiteral("satisfied"));
        QCOMPARE(visits.at(1).data.value(QStringLiteral("comments")).toString(), QStringLiteral("退款时请发短信通知"));
        // 9: not voluntary, so it went on as a conduct issue.
        const Case pressured = scenario("9_pressured_withdrawal");
        QVERIFY(pressured.conductIssue);
        QVERIFY(pressured.status != CaseStatus::Withdrawn);
        QCOMPARE(pressured.assigneeId, bank->organisation->user(QStringLiteral("huanglei"))->id);
    }

    void sameSeedSameNumbers()
    {
        const QDate start(2026, 3, 2);
        const QDate end(2026, 3, 8);
        DemoBank first(start);
        DemoBank second(start);
        auto a = first.generate(7, start, end);
        auto b = second.generate(7, start, end);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->cases > 0);
        QCOMPARE(a->toJson(), b->toJson());
        QVERIFY(*a == *b);
        const auto fingerprint = [](const DemoBank &bank) {
            QStringList cases;
            for (const Case &c : bank.allCases()) {
                cases.append(QStringList {
                    c.number, c.complainant.phone, toCode(c.status), toCode(c.priority), c.handlingUnit, c.summary}
                                 .join(QLatin1Char('|')));
            }
            cases.sort(); // ids are random UUIDs, so the listing order of equal times differs
            return cases;
        };
        QCOMPARE(fingerprint(first), fingerprint(second));
        DemoBank other(start);
        auto c = other.generate(8, start, end);
        QVERIFY(c.ok());
        QVERIFY(c->toJson() != a->toJson());
    }

    void refusesABackwardPeriod()
    {
        DemoBank empty(to);
        auto refused = empty.generate(1, to, from);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("invalid_period"));
        QCOMPARE(empty.store->countCases({}).value(), qint64(0));
    }

    void bulkWritesExactlyNRuleConsistentCases()
    {
        DemoBank bulkBank(QDate(2025, 1, 1));
        BulkCaseGenerator bulk(*bulkBank.store, bulkBank.rules, *bulkBank.organisation, 11);
        bulk.setHasher(&bulkBank.hasher);
        bulk.setBatchSize(700);
        QList<qint64> progress;
        bulk.setProgress([&progress](qint64 written) { progress.append(written); });
        const QDate start(2026, 1, 1);
        const QDate end(2026, 3, 31);
        QVERIFY(bulk.generate(1500, start, end).ok());
        QCOMPARE(bulkBank.store->countCases({}).value(), qint64(1500));
        QCOMPARE(progress, (QList<qint64> {700, 1400, 1500}));

        const CaseEvaluator evaluator(*bulkBank.rules);
        const WorkingDayCalendar &calendar = bulkBank.rules->calendar();
        QSet<QString> numbers;
        QHash<CaseStatus, int> statuses;
        int springFestival = 0;
        for (const Case &c : bulkBank.allCases()) {
            const Branch branch = *bulkBank.organisation->branch(c.branchId);
            // Priority, routing and deadlines are what the rules give for these facts.
            Case copy = c;
            evaluator.evaluate(copy, branch, {}, false);
            QCOMPARE(copy.deadlines, c.deadlines);
            QCOMPARE(copy.priority, c.priority);
            QCOMPARE(c.handlingUnit,
                bulkBank.rules->pack()
                    .routingRules()
                    .route(CaseFacts::fromCase(c, bulkBank.rules->taxonomy(), false, false), bulkBank.rules->taxonomy())
                    .unit);
            const QDate received = bulkBank.localDate(c.receivedAt);
            QVERIFY(received >= start && received <= end);
            springFestival += calendar.holidayName(received).contains(QStringLiteral("春节"));
            numbers.insert(c.number);
            ++statuses[c.status];
            // The life cycle is consistent with the state.
            QCOMPARE(c.resolvedAt.isValid(),
                c.status == CaseStatus::Resolved || c.status == CaseStatus::Visited
                    || c.status == CaseStatus::Archived);
            if (c.resolvedAt.isValid()) {
                QVERIFY(!c.cause.isEmpty());
                QVERIFY(c.dispatchedAt < c.resolvedAt);
                QVERIFY(c.registeredAt < c.dispatchedAt);
            }
            if (c.visitedAt.isValid()) {
                QVERIFY(c.resolvedAt < c.visitedAt);
                const auto visits = bulkBank.store->records(c.id, QStringLiteral("visit")).value();
                QCOMPARE(visits.size(), 1);
                QVERIFY(visits.first().data.value(QStringLiteral("reached")).toBool());
            }
            if (c.status != CaseStatus::Received && c.status != CaseStatus::Registered)
                QVERIFY(!c.assigneeId.isEmpty());
            QVERIFY(!c.phoneHash.isEmpty() || c.complainant.anonymous);
        }
        QCOMPARE(numbers.size(), 1500);
        QVERIFY(statuses.value(CaseStatus::Archived) > 1000);
        QVERIFY(statuses.value(CaseStatus::InProgress) > 0);
        QVERIFY(statuses.value(CaseStatus::Withdrawn) > 0);
        QVERIFY(springFestival > 0 && springFestival < 100); // only hotline and online on holidays

        // The same seed writes the same cases.
        DemoBank again(QDate(2025, 1, 1));
        BulkCaseGenerator repeat(*again.store, again.rules, *again.organisation, 11);
        repeat.setHasher(&again.hasher);
        QVERIFY(repeat.generate(1500, start, end).ok());
        CaseQuery newest;
        newest.limit = 20;
        const auto a = bulkBank.store->listCases(newest).value().cases;
        const auto b = again.store->listCases(newest).value().cases;
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a.at(i).id, b.at(i).id);
            QCOMPARE(a.at(i).number, b.at(i).number);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
