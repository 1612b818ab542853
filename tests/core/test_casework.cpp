#include "casework/CaseJson.h"
#include "casework/CaseNumber.h"
#include "fixtures/CaseworkFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace casedesk;
using namespace casedesk::testing;

namespace {
QStringList reasonIds(const Case &c)
{
    QStringList ids;
    for (const PriorityReason &reason : c.priorityReasons)
        ids.append(reason.ruleId);
    return ids;
}
} // namespace

class TestCasework : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CaseworkFixture> f;

    Case created(const QJsonObject &input, const User &by, const QString &device = QStringLiteral("A"))
    {
        auto change = f->service->create(input, f->access(by), device);
        if (!change) {
            qWarning() << change.error().code << change.error().message << change.error().details;
            return {};
        }
        return change->current;
    }

    // Walks a case from intake to in progress with the given handler assigned.
    Case inProgress(const User &assignee)
    {
        Case c = created(f->walkIn(), f->reception);
        auto s = f->access(f->supervisor);
        (void)f->service->transition(c.id, {CaseStatus::Registered, {}, {}}, {}, s);
        (void)f->service->perform(c.id, QStringLiteral("assign"), {{QStringLiteral("assignee_id"), assignee.id}}, s);
        (void)f->service->transition(c.id, {CaseStatus::Dispatched, {}, {}}, {}, s);
        auto started = f->service->transition(c.id, {CaseStatus::InProgress, {}, {}}, {}, f->access(assignee));
        return started ? started->current : Case();
    }

    Case resolved()
    {
        Case c = inProgress(f->handler);
        auto h = f->access(f->handler);
        (void)f->service->update(c.id, {{QStringLiteral("cause"), QStringLiteral("pricing_fees")}}, c.revision, h,
            CaseService::Merge::AllOrNothing);
        auto done = f->service->transition(c.id, {CaseStatus::Resolved, QStringLiteral("已退还手续费25元"), {}}, {}, h);
        return done ? done->current : Case();
    }

    QJsonObject visit(bool reached, const QString &solved = {}, const QString &satisfaction = {})
    {
        QJsonObject v {{QStringLiteral("visited_at"), QStringLiteral("2026-11-27T10:00:00+08:00")},
            {QStringLiteral("method"), QStringLiteral("phone")},
            {QStringLiteral("visitor"), QStringLiteral("supervisor")}, {QStringLiteral("reached"), reached}};
        if (!solved.isEmpty())
            v.insert(QStringLiteral("solved"), solved);
        if (!satisfaction.isEmpty())
            v.insert(QStringLiteral("satisfaction"), satisfaction);
        return v;
    }

private slots:
    void init() { f = std::make_unique<CaseworkFixture>(); }
    void cleanup() { f.reset(); }

    void walkInAtTheCounter()
    {
        // SCENARIOS 1: Tuesday 10:20 at SH01, work error, general: 3 working days.
        auto change = f->service->create(
            f->walkIn(QStringLiteral("138 1234 5678")), f->access(f->reception), QStringLiteral("A"));
        QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
        const Case &c = change->current;
        QCOMPARE(c.number, QStringLiteral("SH01-20261124-A0001"));
        QCOMPARE(c.branchId, f->sh01.id);
        QCOMPARE(c.status, CaseStatus::Received);
        QCOMPARE(c.priority, Priority::Normal);
        QVERIFY(c.priorityReasons.isEmpty());
        QCOMPARE(c.complainant.phone, QStringLiteral("13812345678"));
        QCOMPARE(c.amount->fen(), qint64(2500));
        QCOMPARE(c.handlingUnit, QStringLiteral("branch_office"));
        QCOMPARE(c.channelAxis, QStringLiteral("premises"));
        QCOMPARE(c.deadlines.registerBy, QDate(2026, 11, 25));
        QCOMPARE(c.deadlines.resolveBy, QDate(2026, 11, 27));
        QCOMPARE(c.deadlines.statutoryBy, QDate(2026, 12, 9));
        QCOMPARE(c.deadlines.dueBy, QDate(2026, 11, 27));
        QVERIFY(!c.phoneHash.isEmpty());
        QCOMPARE(c.revision, qint64(1));
        QCOMPARE(change->events.size(), 1);
        QCOMPARE(change->events.first().action, QStringLiteral("created"));
        QVERIFY(change->warnings.join(QLatin1Char(' ')).contains(QStringLiteral("录音录像编号")));
        // The next case of the same device and day gets the next number.
        QCOMPARE(created(f->walkIn(QStringLiteral("13900000000")), f->reception).number,
            QStringLiteral("SH01-20261124-A0002"));
        QCOMPARE(f->store->auditTrail(c.id)->size(), 1);
    }

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown channel") << "channel" << QJsonValue(QStringLiteral("fax")) << "invalid_value";
        QTest::newRow("unknown category") << "category" << QJsonValue(QStringLiteral("weather")) << "invalid_value";
        QTest::newRow("category of the other profile")
            << "category" << QJsonValue(QStringLiteral("brokerage")) << "invalid_value";
        QTest::newRow("wrong type") << "summary" << QJsonValue(42) << "invalid_type";
        QTest::newRow("empty summary") << "summary" << QJsonValue(QStringLiteral("  ")) << "missing_field";
        QTest::newRow("unknown field") << "colour" << QJsonValue(QStringLiteral("red")) << "unknown_field";
        QTest::newRow("bad amount") << "amount" << QJsonValue(1.234) << "invalid_amount";
        QTest::newRow("negative amount") << "amount" << QJsonValue(-5) << "invalid_amount";
        QTest::newRow("time without offset")
            << "received_at" << QJsonValue(QStringLiteral("2026-11-24T10:00:00")) << "invalid_type";
        QTest::newRow("time in the future")
            << "received_at" << QJsonValue(QStringLiteral("2026-11-25T10:00:00+08:00")) << "invalid_value";
        QTest::newRow("bad business category")
            << "business_category" << QJsonValue(QStringLiteral("x")) << "invalid_value";
        QTest::newRow("malformed number") << "number" << QJsonValue(QStringLiteral("12345")) << "invalid_value";
        QTest::newRow("number of another branch")
            << "number" << QJsonValue(QStringLiteral("SZ02-20261124-A0001")) << "invalid_value";
        QTest::newRow("id not a uuid") << "id" << QJsonValue(QStringLiteral("abc")) << "invalid_value";
    }

    void badInputChangesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QJsonObject input = f->walkIn();
        input.insert(field, value);
        auto change = f->service->create(input, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(!change.ok());
        QCOMPARE(change.error().code, code);
        QVERIFY(!change.error().message.isEmpty());
        QCOMPARE(change.error().details.value(QStringLiteral("field")).toString(), field);
        QCOMPARE(f->store->countCases({}).value(), qint64(0));
    }

    void complainantChecks_data()
    {
        QTest::addColumn<QJsonObject>("complainant");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad phone") << QJsonObject {{QStringLiteral("name"), QStringLiteral("A")},
            {QStringLiteral("phone"), QStringLiteral("12345")}}
                                   << "complainant.phone";
        QTest::newRow("bad id number") << QJsonObject {{QStringLiteral("name"), QStringLiteral("A")},
            {QStringLiteral("phone"), QStringLiteral("13812345678")},
            {QStringLiteral("id_number"), QStringLiteral("110105194912310021")}}
                                       << "complainant.id_number";
        QTest::newRow("no phone") << QJsonObject {{QStringLiteral("name"), QStringLiteral("A")}} << "complainant.phone";
        QTest::newRow("no name") << QJsonObject {{QStringLiteral("phone"), QStringLiteral("13812345678")}}
                                 << "complainant.name";
        QTest::newRow("anonymous with a phone") << QJsonObject {{QStringLiteral("anonymous"), true},
            {QStringLiteral("phone"), QStringLiteral("13812345678")}}
                                                << "complainant.anonymous";
    }

    void complainantChecks()
    {
        QFETCH(QJsonObject, complainant);
        QFETCH(QString, field);
        QJsonObject input = f->walkIn();
        input.insert(QStringLiteral("complainant"), complainant);
        auto change = f->service->create(input, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(!change.ok());
        QCOMPARE(change.error().details.value(QStringLiteral("field")).toString(), field);
    }

    void anonymousLetterNeedsNoIdentity()
    {
        // SCENARIOS 6: an unsigned letter through the opinion box about a rude teller.
        QJsonObject input {{QStringLiteral("channel"), QStringLiteral("opinion_box")},
            {QStringLiteral("category"), QStringLiteral("service_attitude")},
            {QStringLiteral("complainant"), QJsonObject {{QStringLiteral("anonymous"), true}}},
            {QStringLiteral("summary"), QStringLiteral("三号窗口柜员态度恶劣")}};
        Case c = created(input, f->reception);
        QVERIFY(!c.id.isEmpty());
        QVERIFY(c.complainant.anonymous);
        QVERIFY(c.phoneHash.isEmpty());
        auto marked = f->service->perform(c.id, QStringLiteral("mark_malicious"),
            {{QStringLiteral("reason"), QStringLiteral("内容不实，恶意中伤")}}, f->access(f->supervisor));
        QVERIFY(marked.ok());
        QVERIFY(marked->current.malicious);
    }

    void channelRequiredFields()
    {
        QJsonObject media = f->walkIn();
        media.insert(QStringLiteral("channel"), QStringLiteral("media"));
        auto refused = f->service->create(media, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("media_outlet"));
        // SCENARIOS 4: media is urgent and goes to the office; leadership is notified.
        media.insert(QStringLiteral("media_outlet"), QStringLiteral("新民晚报"));
        auto change = f->service->create(media, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(change.ok());
        QCOMPARE(change->current.priority, Priority::Urgent);
        QVERIFY(reasonIds(change->current).contains(QStringLiteral("media")));
        QCOMPARE(change->current.handlingUnit, QStringLiteral("office"));
        QCOMPARE(change->routing.ruleId, QStringLiteral("media_to_office"));
        QVERIFY(change->routing.notify.contains(Role::Manager));
    }

    void productComplaintWithThreat()
    {
        // SCENARIOS 2: product (complex, 7 working days), threatens the regulator: urgent with reasons.
        QJsonObject input = f->walkIn(QStringLiteral("13900001111"));
        input.insert(QStringLiteral("channel"), QStringLiteral("phone"));
        input.insert(QStringLiteral("category"), QStringLiteral("product"));
        input.insert(QStringLiteral("business_category"), QStringLiteral("own_wealth_management"));
        input.insert(QStringLiteral("threatens_escalation"), true);
        Case c = created(input, f->reception);
        QCOMPARE(c.priority, Priority::Urgent);
        QCOMPARE(
            reasonIds(c), (QStringList {QStringLiteral("threatens_escalation"), QStringLiteral("complex_category")}));
        QCOMPARE(c.handlingUnit, QStringLiteral("product_management"));
        QCOMPARE(c.deadlines.resolveBy, QDate(2026, 12, 3));
        // JSON lists the reasons in the reader's language.
        CaseJson::Options en;
        en.language = QStringLiteral("en");
        const QJsonArray reasons = CaseJson::toJson(c, en).value(QStringLiteral("priority_reasons")).toArray();
        QCOMPARE(reasons.size(), 2);
        QVERIFY(reasons.at(0).toString().contains(QStringLiteral("regulator")));
    }

    void regulatorForwardedDeadlineGoverns()
    {
        // SCENARIOS 3: 12378 forwards with its own 10-calendar-day deadline; the earliest governs.
        QJsonObject input = f->walkIn(QStringLiteral("13900002222"));
        input.insert(QStringLiteral("channel"), QStringLiteral("forwarded_regulator"));
        input.insert(QStringLiteral("category"), QStringLiteral("product"));
        input.insert(QStringLiteral("forwarding"),
            QJsonObject {{QStringLiteral("body"), QStringLiteral("12378热线")},
                {QStringLiteral("reference"), QStringLiteral("JG-2026-0931")},
                {QStringLiteral("due_date"), QStringLiteral("2026-12-02")}});
        Case c = created(input, f->reception);
        QCOMPARE(c.priority, Priority::Urgent);
        QCOMPARE(c.deadlines.forwarderBy, QDate(2026, 12, 2));
        QCOMPARE(c.deadlines.resolveBy, QDate(2026, 12, 3));
        QCOMPARE(c.deadlines.dueBy, QDate(2026, 12, 2));
        QCOMPARE(c.handlingUnit, QStringLiteral("consumer_protection"));
    }

    void groupComplaintRepresentatives()
    {
        QJsonObject input = f->walkIn(QStringLiteral("13900003333"));
        input.insert(QStringLiteral("category"), QStringLiteral("channel"));
        input.insert(QStringLiteral("group_size"), 12);
        input.insert(QStringLiteral("funds_safety"), true);
        QJsonArray parties;
        for (int i = 0; i < 6; ++i) {
            parties.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("representative")},
                {QStringLiteral("name"), QStringLiteral("代表%1").arg(i + 1)}});
        }
        input.insert(QStringLiteral("parties"), parties);
        auto refused = f->service->create(input, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("parties"));
        parties.removeLast();
        input.insert(QStringLiteral("parties"), parties);
        // SCENARIOS 5: one case, twelve people, five representatives; urgent (funds), to operations.
        Case c = created(input, f->reception);
        QCOMPARE(c.parties.size(), 5);
        QCOMPARE(c.priority, Priority::Urgent);
        QVERIFY(reasonIds(c).contains(QStringLiteral("group_complaint")));
        QCOMPARE(c.handlingUnit, QStringLiteral("operations"));
    }

    void repeatWindow_data()
    {
        QTest::addColumn<int>("daysLater");
        QTest::addColumn<QString>("category");
        QTest::addColumn<bool>("repeat");
        QTest::newRow("three weeks later") << 21 << "work_error" << true;
        QTest::newRow("89 days") << 89 << "work_error" << true;
        QTest::newRow("90 days: still inside") << 90 << "work_error" << true;
        QTest::newRow("91 days: outside") << 91 << "work_error" << false;
        QTest::newRow("other category") << 21 << "service_attitude" << false;
    }

    void repeatWindow()
    {
        QFETCH(int, daysLater);
        QFETCH(QString, category);
        QFETCH(bool, repeat);
        Case first = created(f->walkIn(), f->reception);
        f->clock.set(f->clock.now().addDays(daysLater));
        QJsonObject again = f->walkIn(QStringLiteral("+86 138-1234-5678")); // same number, typed differently
        again.insert(QStringLiteral("channel"), QStringLiteral("phone"));
        again.insert(QStringLiteral("category"), category);
        auto change = f->service->create(again, f->access(f->reception), QStringLiteral("A"));
        QVERIFY(change.ok());
        QCOMPARE(change->current.repeatOf, repeat ? first.id : QString());
        QCOMPARE(change->repeatOf.has_value(), repeat);
        QCOMPARE(change->current.priority, repeat ? Priority::High : Priority::Normal);
        if (repeat)
            QVERIFY(change->warnings.join(QLatin1Char(' ')).contains(first.number));
    }

    void repeatOfEscalatedIsUrgent()
    {
        Case first = created(f->walkIn(), f->reception);
        QVERIFY(f->service
                    ->perform(first.id, QStringLiteral("escalate"),
                        {{QStringLiteral("reason"), QStringLiteral("客户情绪激动")}}, f->access(f->supervisor))
                    .ok());
        f->clock.advanceSeconds(7 * 86400);
        Case again = created(f->walkIn(), f->reception);
        QCOMPARE(again.priority, Priority::Urgent);
        QVERIFY(reasonIds(again).contains(QStringLiteral("repeat_escalated")));
    }

    void lifeCycleToArchive()
    {
        Case c = resolved();
        QCOMPARE(c.status, CaseStatus::Resolved);
        QCOMPARE(c.deadlines.visitBy, QDate(2026, 12, 1));
        QVERIFY(c.dispatchedAt.isValid());
        auto visited = f->service->appendRecord(c.id, QStringLiteral("visit"),
            visit(true, QStringLiteral("yes"), QStringLiteral("satisfied")), f->access(f->supervisor));
        QVERIFY2(visited.ok(), qPrintable(visited.ok() ? QString() : visited.error().message));
        QCOMPARE(visited->current.status, CaseStatus::Visited);
        auto archived = f->service->transition(c.id, {CaseStatus::Archived, {}, {}}, {}, f->access(f->supervisor));
        QVERIFY(archived.ok());
        QCOMPARE(archived->current.status, CaseStatus::Archived);
        // Every step is in the trail with from/to.
        QStringList steps;
        for (const AuditEvent &e : f->store->auditTrail(c.id).value()) {
            if (e.action == QLatin1String("transition"))
                steps.append(toCode(*e.toStatus));
        }
        QCOMPARE(steps,
            (QStringList {QStringLiteral("registered"), QStringLiteral("dispatched"), QStringLiteral("in_progress"),
                QStringLiteral("resolved"), QStringLiteral("visited"), QStringLiteral("archived")}));
    }

    void visitOutcomes_data()
    {
        QTest::addColumn<bool>("reached");
        QTest::addColumn<QString>("solved");
        QTest::addColumn<QString>("satisfaction");
        QTest::addColumn<CaseStatus>("status");
        QTest::newRow("satisfied") << true << "yes"
                                   << "satisfied" << CaseStatus::Visited;
        QTest::newRow("basically satisfied") << true << "yes"
                                             << "basically_satisfied" << CaseStatus::Visited;
        QTest::newRow("dissatisfied re-opens") << true << "yes"
                                               << "dissatisfied" << CaseStatus::InProgress;
        QTest::newRow("partly solved re-opens") << true << "partly"
                                                << "satisfied" << CaseStatus::InProgress;
        QTest::newRow("unsolved re-opens") << true << "no"
                                           << "dissatisfied" << CaseStatus::InProgress;
        QTest::newRow("not reached: retry") << false << ""
                                            << "" << CaseStatus::Resolved;
    }

    void visitOutcomes()
    {
        QFETCH(bool, reached);
        QFETCH(QString, solved);
        QFETCH(QString, satisfaction);
        QFETCH(CaseStatus, status);
        Case c = resolved();
        auto change = f->service->appendRecord(
            c.id, QStringLiteral("visit"), visit(reached, solved, satisfaction), f->access(f->supervisor));
        QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
        QCOMPARE(change->current.status, status);
        if (status == CaseStatus::InProgress) {
            QCOMPARE(change->current.reopenCount, 1);
            QVERIFY(!change->current.resolvedAt.isValid());
            // History intact: the visit and the earlier resolution remain in the trail.
            QCOMPARE(f->store->records(c.id, QStringLiteral("visit"))->size(), 1);
        }
    }

    void unreachableAfterConfiguredAttempts()
    {
        Case c = resolved();
        const int attempts = f->rules->limits().visitAttempts();
        for (int i = 1; i <= attempts; ++i) {
            auto change
                = f->service->appendRecord(c.id, QStringLiteral("visit"), visit(false), f->access(f->supervisor));
            QVERIFY(change.ok());
            QCOMPARE(change->record->data.value(QStringLiteral("attempt")).toInt(), i);
            QCOMPARE(change->current.status, i < attempts ? CaseStatus::Resolved : CaseStatus::Visited);
        }
        const auto trail = f->store->auditTrail(c.id).value();
        QVERIFY(std::any_of(trail.begin(), trail.end(), [](const AuditEvent &e) {
            return e.toStatus == CaseStatus::Visited && e.details.value(QStringLiteral("unreachable")).toBool();
        }));
    }

    void reachedVisitNeedsAnswers()
    {
        Case c = resolved();
        auto refused = f->service->appendRecord(c.id, QStringLiteral("visit"), visit(true), f->access(f->supervisor));
        QVERIFY(!refused.ok());
        QCOMPARE(f->store->records(c.id, QStringLiteral("visit"))->size(), 0);
        Case open = created(f->walkIn(QStringLiteral("13700000000")), f->reception);
        auto early = f->service->appendRecord(open.id, QStringLiteral("visit"),
            visit(true, QStringLiteral("yes"), QStringLiteral("satisfied")), f->access(f->supervisor));
        QVERIFY(!early.ok());
    }

    void pressuredWithdrawalBecomesConductIssue()
    {
        // SCENARIOS 9: the branch manager offered a gift for withdrawing.
        Case c = inProgress(f->handler);
        auto change = f->service->transition(c.id,
            {CaseStatus::Withdrawn, QStringLiteral("客户来电撤诉，称支行行长许诺送礼"), false}, {},
            f->access(f->handler));
        QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
        QCOMPARE(change->current.status, CaseStatus::InProgress);
        QVERIFY(change->current.conductIssue);
        QCOMPARE(change->current.handlingUnit, QStringLiteral("inspection"));
        QCOMPARE(change->routing.ruleId, QStringLiteral("pressured_withdrawal"));

        Case other = inProgress(f->handler);
        auto voluntary = f->service->transition(
            other.id, {CaseStatus::Withdrawn, QStringLiteral("已协商解决"), true}, {}, f->access(f->handler));
        QVERIFY(voluntary.ok());
        QCOMPARE(voluntary->current.status, CaseStatus::Withdrawn);
        auto unanswered = f->service->transition(inProgress(f->handler).id,
            {CaseStatus::Withdrawn, QStringLiteral("撤诉"), std::nullopt}, {}, f->access(f->handler));
        QVERIFY(!unanswered.ok());
        QCOMPARE(unanswered.error().code, QStringLiteral("guard_failed"));
    }

    void illegalAndForbiddenTransitions()
    {
        Case c = created(f->walkIn(), f->reception);
        auto illegal = f->service->transition(c.id, {CaseStatus::Archived, {}, {}}, {}, f->access(f->supervisor));
        QCOMPARE(illegal.error().code, QStringLiteral("illegal_transition"));
        auto forbidden = f->service->transition(c.id, {CaseStatus::Registered, {}, {}}, {}, f->access(f->reception));
        QCOMPARE(forbidden.error().code, QStringLiteral("forbidden_transition"));
        QCOMPARE((*f->store->findCase(c.id))->status, CaseStatus::Received);
        // Someone moved the case on meanwhile: a stale request is a conflict, not a mistake.
        QVERIFY(f->service->transition(c.id, {CaseStatus::Registered, {}, {}}, {}, f->access(f->supervisor)).ok());
        auto stale
            = f->service->transition(c.id, {CaseStatus::Registered, {}, {}}, c.revision, f->access(f->supervisor));
        QCOMPARE(stale.error().code, QStringLiteral("conflict"));
    }

    void resolveNeedsCauseAndReply()
    {
        Case c = inProgress(f->handler);
        auto h = f->access(f->handler);
        auto noCause = f->service->transition(c.id, {CaseStatus::Resolved, QStringLiteral("已答复"), {}}, {}, h);
        QCOMPARE(noCause.error().code, QStringLiteral("guard_failed"));
        // An investigation that names the cause confirms it on the case.
        auto investigation = f->service->appendRecord(c.id, QStringLiteral("investigation"),
            {{QStringLiteral("facts"), QStringLiteral("柜员误告知")},
                {QStringLiteral("cause"), QStringLiteral("pricing_fees")}},
            h);
        QVERIFY(investigation.ok());
        QCOMPARE(investigation->current.cause, QStringLiteral("pricing_fees"));
        auto noReply = f->service->transition(c.id, {CaseStatus::Resolved, {}, {}}, {}, h);
        QCOMPARE(noReply.error().code, QStringLiteral("guard_failed"));
        QVERIFY(f->service->transition(c.id, {CaseStatus::Resolved, QStringLiteral("退还手续费"), {}}, {}, h).ok());
    }

    void firstContactMeetsContactDeadline()
    {
        Case c = inProgress(f->handler);
        QVERIFY(c.deadlines.contactBy.isValid());
        QVERIFY(!c.firstContactAt.isValid());
        auto contact = f->service->appendRecord(c.id, QStringLiteral("contact"),
            {{QStringLiteral("at"), QStringLiteral("2026-11-24T14:00:00+08:00")},
                {QStringLiteral("method"), QStringLiteral("phone")},
                {QStringLiteral("summary"), QStringLiteral("已致电客户说明处理进度")}},
            f->access(f->handler));
        QVERIFY(contact.ok());
        QCOMPARE(contact->current.firstContactAt, QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC));
        QCOMPARE(f->store->records(c.id)->size(), 1);
    }

    void extensions()
    {
        QJsonObject input = f->walkIn();
        input.insert(QStringLiteral("category"), QStringLiteral("product"));
        Case c = created(input, f->reception);
        QCOMPARE(c.deadlines.resolveBy, QDate(2026, 12, 3));
        auto s = f->access(f->supervisor);
        auto noReason = f->service->perform(c.id, QStringLiteral("extend"), {}, s);
        QCOMPARE(noReason.error().code, QStringLiteral("missing_field"));
        auto extended = f->service->perform(
            c.id, QStringLiteral("extend"), {{QStringLiteral("reason"), QStringLiteral("需调取销售录音")}}, s);
        QVERIFY(extended.ok());
        QCOMPARE(extended->current.deadlines.resolveBy, QDate(2026, 12, 8));
        QCOMPARE(extended->events.first().action, QStringLiteral("extended"));
        auto again
            = f->service->perform(c.id, QStringLiteral("extend"), {{QStringLiteral("reason"), QStringLiteral("x")}}, s);
        QVERIFY(!again.ok());
        // Statutory extensions need a manager (senior approval), 15 → 30 → 60 days.
        auto bySupervisor = f->service->perform(c.id, QStringLiteral("extend_statutory"),
            {{QStringLiteral("reason"), QStringLiteral("复杂")}, {QStringLiteral("approver"), QStringLiteral("行长")}},
            s);
        QCOMPARE(bySupervisor.error().code, QStringLiteral("forbidden"));
        auto m = f->access(f->manager);
        QJsonObject statutory {{QStringLiteral("reason"), QStringLiteral("特别复杂")},
            {QStringLiteral("approver"), QStringLiteral("行长")}};
        QCOMPARE(
            f->service->perform(c.id, QStringLiteral("extend_statutory"), statutory, m)->current.deadlines.statutoryBy,
            QDate(2026, 12, 24));
        QCOMPARE(
            f->service->perform(c.id, QStringLiteral("extend_statutory"), statutory, m)->current.deadlines.statutoryBy,
            QDate(2027, 1, 25));
        QVERIFY(!f->service->perform(c.id, QStringLiteral("extend_statutory"), statutory, m).ok());
    }

    void perFieldMerge()
    {
        Case c = created(f->walkIn(), f->reception);
        auto s = f->access(f->supervisor);
        const qint64 base = c.revision;
        auto first = f->service->update(c.id, {{QStringLiteral("summary"), QStringLiteral("客户补充：转账金额5000元")}},
            base, s, CaseService::Merge::AllOrNothing);
        QVERIFY(first.ok());
        QCOMPARE(first->changedFields, QStringList {QStringLiteral("summary")});
        // The second editor started from the same base: summary conflicts, demand does not.
        QJsonObject second {{QStringLiteral("summary"), QStringLiteral("另一版本")},
            {QStringLiteral("demand"), QStringLiteral("退费并道歉")}};
        auto strict = f->service->update(c.id, second, base, s, CaseService::Merge::AllOrNothing);
        QVERIFY(!strict.ok());
        QCOMPARE(strict.error().code, QStringLiteral("conflict"));
        QCOMPARE((*f->store->findCase(c.id))->demand, QStringLiteral("退还手续费"));
        auto merged = f->service->update(c.id, second, base, s, CaseService::Merge::PerField);
        QVERIFY(merged.ok());
        QCOMPARE(merged->conflicts, QStringList {QStringLiteral("summary")});
        QCOMPARE(merged->current.demand, QStringLiteral("退费并道歉"));
        QCOMPARE(merged->current.summary, QStringLiteral("客户补充：转账金额5000元"));
        // Writing the value it already has is no conflict.
        auto same = f->service->update(c.id, {{QStringLiteral("summary"), QStringLiteral("客户补充：转账金额5000元")}},
            base, s, CaseService::Merge::AllOrNothing);
        QVERIFY(same.ok());
        QVERIFY(!same->written);
    }

    void updateReevaluatesPriority()
    {
        Case c = created(f->walkIn(), f->reception);
        QCOMPARE(c.priority, Priority::Normal);
        auto change = f->service->update(c.id, {{QStringLiteral("funds_safety"), true}}, c.revision,
            f->access(f->reception), CaseService::Merge::AllOrNothing);
        QVERIFY(change.ok());
        QCOMPARE(change->current.priority, Priority::Urgent);
        QCOMPARE(change->events.last().action, QStringLiteral("priority_changed"));
        // Category change before dispatch re-routes and changes the time limit.
        auto product = f->service->update(c.id, {{QStringLiteral("category"), QStringLiteral("product")}},
            change->current.revision, f->access(f->reception), CaseService::Merge::AllOrNothing);
        QCOMPARE(product->current.handlingUnit, QStringLiteral("product_management"));
        QCOMPARE(product->current.deadlines.resolveBy, QDate(2026, 12, 3));
    }

    void permissions()
    {
        Case c = created(f->walkIn(), f->reception);
        // Another branch's counter neither sees nor changes it (404, not 403: existence is not revealed).
        auto other = f->access(f->otherReception);
        QCOMPARE(f->service->read(c.id, other).error().code, QStringLiteral("not_found"));
        QCOMPARE(f->service
                     ->update(c.id, {{QStringLiteral("demand"), QStringLiteral("x")}}, c.revision, other,
                         CaseService::Merge::AllOrNothing)
                     .error()
                     .code,
            QStringLiteral("not_found"));
        // Admin has no case content by default; auditors and managers read but do not write.
        QCOMPARE(f->service->read(c.id, f->access(f->admin)).error().code, QStringLiteral("not_found"));
        QVERIFY(f->service->read(c.id, f->access(f->auditor)).ok());
        QCOMPARE(f->service
                     ->update(c.id, {{QStringLiteral("demand"), QStringLiteral("x")}}, c.revision,
                         f->access(f->auditor), CaseService::Merge::AllOrNothing)
                     .error()
                     .code,
            QStringLiteral("forbidden"));
        QCOMPARE(f->service->create(f->walkIn(), f->access(f->manager), QStringLiteral("A")).error().code,
            QStringLiteral("forbidden"));
        // Reception cannot dispatch.
        QCOMPARE(f->service
                     ->update(c.id, {{QStringLiteral("assignee_id"), f->handler.id}}, c.revision,
                         f->access(f->reception), CaseService::Merge::AllOrNothing)
                     .error()
                     .code,
            QStringLiteral("forbidden"));
        // A head-office unit handler sees the case once it is assigned to their unit.
        auto unit = f->access(f->productHandler);
        QVERIFY(unit.canRead(c)); // head office scope covers SH01
        Case sz = created(f->walkIn(QStringLiteral("13911112222")), f->otherReception);
        QVERIFY(!f->access(f->handler).canRead(sz));
    }

    void recusal()
    {
        Case c = created(f->walkIn(), f->reception);
        auto s = f->access(f->supervisor);
        auto withSubject = f->service->update(c.id, {{QStringLiteral("subject_staff"), f->handler.name}}, c.revision, s,
            CaseService::Merge::AllOrNothing);
        QVERIFY(withSubject.ok());
        auto assign
            = f->service->perform(c.id, QStringLiteral("assign"), {{QStringLiteral("assignee_id"), f->handler.id}}, s);
        QVERIFY(!assign.ok());
        QCOMPARE(assign.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("assignee_id"));
    }

    void maskingInJson()
    {
        QJsonObject input = f->walkIn();
        input.insert(QStringLiteral("complainant"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("陈敏")},
                {QStringLiteral("phone"), QStringLiteral("13812345678")},
                {QStringLiteral("id_number"), QStringLiteral("11010519491231002X")}});
        Case c = created(input, f->reception);
        CaseJson::Options masked;
        const QJsonObject hidden = CaseJson::toJson(c, masked).value(QStringLiteral("complainant")).toObject();
        QCOMPARE(hidden.value(QStringLiteral("phone")).toString(), QStringLiteral("138****5678"));
        QCOMPARE(hidden.value(QStringLiteral("id_number")).toString(), QStringLiteral("110***********002X"));
        CaseJson::Options revealed;
        revealed.revealPersonalData = true;
        revealed.zone = QTimeZone("Asia/Shanghai");
        const QJsonObject full = CaseJson::toJson(c, revealed);
        QCOMPARE(full.value(QStringLiteral("complainant")).toObject().value(QStringLiteral("phone")).toString(),
            QStringLiteral("13812345678"));
        QCOMPARE(full.value(QStringLiteral("received_at")).toString(), QStringLiteral("2026-11-24T10:20:00.000+08:00"));
        QCOMPARE(full.value(QStringLiteral("deadlines")).toObject().value(QStringLiteral("resolve_by")).toString(),
            QStringLiteral("2026-11-27"));
        // The wire form reads back to the same case.
        const Case back = CaseJson::fromJson(full);
        QCOMPARE(back.number, c.number);
        QCOMPARE(back.priorityReasons, c.priorityReasons);
        QCOMPARE(back.deadlines, c.deadlines);
        QCOMPARE(back.receivedAt, c.receivedAt);
        QCOMPARE(back.amount, c.amount);
    }

    void offlineNumbersAndIds()
    {
        QJsonObject input = f->walkIn();
        input.insert(QStringLiteral("id"), QStringLiteral("6f1c2a38-0e0e-4a37-9a53-6c3f4f7c0a11"));
        input.insert(QStringLiteral("number"), QStringLiteral("SH01-20261124-B0007"));
        input.insert(QStringLiteral("received_at"), QStringLiteral("2026-11-24T09:55:00+08:00"));
        Case c = created(input, f->reception);
        QCOMPARE(c.number, QStringLiteral("SH01-20261124-B0007"));
        QCOMPARE(c.id, QStringLiteral("6f1c2a38-0e0e-4a37-9a53-6c3f4f7c0a11"));
        auto twice = f->service->create(input, f->access(f->reception), QStringLiteral("B"));
        QCOMPARE(twice.error().code, QStringLiteral("already_exists"));
        input.insert(QStringLiteral("id"), QStringLiteral("7f1c2a38-0e0e-4a37-9a53-6c3f4f7c0a11"));
        auto taken = f->service->create(input, f->access(f->reception), QStringLiteral("B"));
        QCOMPARE(taken.error().code, QStringLiteral("number_taken"));
        QCOMPARE(CaseNumber::deviceCode(0), QStringLiteral("A"));
        QCOMPARE(CaseNumber::deviceCode(25), QStringLiteral("Z"));
        QCOMPARE(CaseNumber::deviceCode(26), QStringLiteral("AA"));
        QCOMPARE(CaseNumber::deviceCode(27), QStringLiteral("AB"));
        QVERIFY(CaseNumber::isWellFormed(QStringLiteral("SH01-20261124-A0007")));
        QVERIFY(!CaseNumber::isWellFormed(QStringLiteral("SH01-2026112-A0007")));
    }

    void correctiveActions()
    {
        Case c = created(f->walkIn(), f->reception);
        auto s = f->access(f->supervisor);
        auto action = f->service->saveCorrectiveAction(
            {{QStringLiteral("case_id"), c.id}, {QStringLiteral("title"), QStringLiteral("柜面收费告知流程整改")},
                {QStringLiteral("owner"), QStringLiteral("service_quality")},
                {QStringLiteral("due_on"), QStringLiteral("2026-12-31")}},
            s);
        QVERIFY(action.ok());
        QCOMPARE(action->branchId, f->sh01.id);
        auto done
            = f->service->saveCorrectiveAction({{QStringLiteral("status"), QStringLiteral("done")}}, s, action->id);
        QCOMPARE(done->doneOn, f->clock.now().date());
        QVERIFY(!f->service->saveCorrectiveAction({{QStringLiteral("status"), QStringLiteral("later")}}, s, action->id)
                     .ok());
        QCOMPARE(
            f->service->saveCorrectiveAction({{QStringLiteral("title"), QStringLiteral("x")}}, f->access(f->reception))
                .error()
                .code,
            QStringLiteral("forbidden"));
    }

    void personalDataViewsAreAudited()
    {
        Case c = created(f->walkIn(), f->reception);
        QVERIFY(f->access(f->supervisor).canRevealPersonalData(c));
        QVERIFY(!f->access(f->reception).canRevealPersonalData(c));
        QVERIFY(!f->access(f->auditor).canRevealPersonalData(c));
        QVERIFY(f->service->recordPersonalDataView(c, f->access(f->supervisor), QStringLiteral("case view")).ok());
        const auto trail = f->store->auditTrail(c.id).value();
        QCOMPARE(trail.last().action, QStringLiteral("viewed_personal_data"));
        QCOMPARE(trail.last().actorId, f->supervisor.id);
    }
};

QTEST_GUILESS_MAIN(TestCasework)
#include "test_casework.moc"
