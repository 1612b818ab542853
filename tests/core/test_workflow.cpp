#include "base/Clock.h"
#include "workflow/CaseWorkflow.h"
#include "workflow/TransitionGuard.h"
#include "workflow/WorkflowNames.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace casedesk;

namespace {

// The life cycle as BRIEF §1/§6 want it, written out here on purpose (not read from workflow.json),
// so an accidental edit of the shipped file fails the matrix test.
// Roles: R reception, H handler, S supervisor, M manager, A auditor, D admin.
struct ExpectedEdge
{
    const char *from;
    const char *to;
    const char *roles;
};
const ExpectedEdge expectedEdges[] = {
    {"received", "registered", "S"}, // review
    {"registered", "dispatched", "S"}, // dispatch
    {"dispatched", "in_progress", "HS"}, // start handling
    {"in_progress", "resolved", "HS"}, // resolve and reply
    {"resolved", "visited", "S"}, // follow-up visit done
    {"visited", "archived", "S"}, // archive
    {"received", "withdrawn", "RHS"}, // withdrawal from any open state
    {"registered", "withdrawn", "RHS"},
    {"dispatched", "withdrawn", "RHS"},
    {"in_progress", "withdrawn", "RHS"},
    {"resolved", "in_progress", "S"}, // re-opening
    {"visited", "in_progress", "S"},
    {"archived", "in_progress", "S"},
    {"withdrawn", "in_progress", "S"},
};

QChar roleLetter(Role role)
{
    switch (role) {
    case Role::Reception:
        return u'R';
    case Role::Handler:
        return u'H';
    case Role::Supervisor:
        return u'S';
    case Role::Manager:
        return u'M';
    case Role::Auditor:
        return u'A';
    case Role::Admin:
        return u'D';
    }
    return u'?';
}

QString expectedOutcome(const QString &from, const QString &to, Role role)
{
    for (const ExpectedEdge &edge : expectedEdges) {
        if (from == QLatin1String(edge.from) && to == QLatin1String(edge.to))
            return QLatin1String(edge.roles).contains(roleLetter(role)) ? QStringLiteral("ok")
                                                                        : QStringLiteral("forbidden_transition");
    }
    return QStringLiteral("illegal_transition");
}

// Spring Festival week 2026, Beijing time: dates are pinned, never today.
const QTimeZone beijing(QByteArrayLiteral("Asia/Shanghai"));
QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 2, day), QTime(hour, minute), beijing);
}

const QString actorId = QStringLiteral("6f1d6c52-3a3e-4f57-9a39-000000000001");

User staff(QList<Role> roles, const QString &id = actorId)
{
    User user;
    user.id = id;
    user.login = QStringLiteral("li.wei");
    user.name = QStringLiteral("李伟");
    user.roles = std::move(roles);
    user.branchId = QStringLiteral("SH01");
    user.unit = QStringLiteral("retail_ops");
    return user;
}

// A case in the given state with everything a guard can ask for: cause set, assigned to the
// actor, a handling unit, and someone else as the person complained about.
Case readyCase(CaseStatus status)
{
    Case c;
    c.id = QStringLiteral("1c9e1a7e-8a40-4a0e-b0a5-00000000c0de");
    c.number = QStringLiteral("SH01-20260209-A70001");
    c.branchId = QStringLiteral("SH01");
    c.category = QStringLiteral("service_attitude");
    c.cause = QStringLiteral("service_attitude_quality");
    c.assigneeId = actorId;
    c.handlingUnit = QStringLiteral("retail_ops");
    c.subjectStaff = QStringLiteral("zhang.san");
    c.status = status;
    c.receivedAt = at(9, 10);
    if (status != CaseStatus::Received)
        c.registeredAt = at(9, 11);
    if (status != CaseStatus::Received && status != CaseStatus::Registered)
        c.dispatchedAt = at(9, 12);
    if (status == CaseStatus::Resolved || status == CaseStatus::Visited || status == CaseStatus::Archived)
        c.resolvedAt = at(10, 9);
    if (status == CaseStatus::Visited || status == CaseStatus::Archived)
        c.visitedAt = at(11, 9);
    if (status == CaseStatus::Archived || status == CaseStatus::Withdrawn)
        c.closedAt = at(12, 9);
    return c;
}

TransitionRequest request(
    CaseStatus to, const QString &reason = QStringLiteral("客户已接受解释"), std::optional<bool> voluntary = true)
{
    return TransitionRequest {to, reason, voluntary};
}

CaseStatus status(const QString &code)
{
    return fromCode<CaseStatus>(code).value();
}

QString codes(const QList<CaseStatus> &statuses)
{
    QStringList result;
    for (CaseStatus s : statuses)
        result.append(toCode(s));
    return result.join(u',');
}

// Edits the case or the actor as a guard row says ("no_cause,other_assignee").
void tweak(const QString &tweaks, Case &c, User &actor)
{
    for (const QString &t : tweaks.split(u',', Qt::SkipEmptyParts)) {
        if (t == u"no_cause")
            c.cause.clear();
        else if (t == u"no_assignee")
            c.assigneeId.clear();
        else if (t == u"other_assignee")
            c.assigneeId = QStringLiteral("someone-else");
        else if (t == u"no_unit")
            c.handlingUnit.clear();
        else if (t == u"other_unit")
            c.handlingUnit = QStringLiteral("card_centre");
        else if (t == u"subject_id")
            c.subjectStaff = actor.id;
        else if (t == u"subject_login")
            c.subjectStaff = QStringLiteral(" LI.WEI ");
        else if (t == u"subject_name")
            c.subjectStaff = actor.name;
        else if (t == u"disabled")
            actor.disabled = true;
        else
            QFAIL(qPrintable(QStringLiteral("unknown tweak ") + t));
    }
}

// The error message of a failed result, for QVERIFY2 (which builds its message even on success).
template<typename T>
const char *why(const Result<T> &result)
{
    static QByteArray text;
    text = result.ok() ? QByteArray() : result.error().message.toUtf8();
    return text.constData();
}

// The error of a result that should have failed; a success shows up as a mismatching code.
template<typename T>
Error failure(const Result<T> &result)
{
    if (result.ok())
        return Error {QStringLiteral("(no error)"), {}, {}};
    return result.error();
}

QJsonObject builtInJson()
{
    QFile file(CaseWorkflow::builtInPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void builtInLoads()
    {
        const auto loaded = CaseWorkflow::load(QString());
        QVERIFY2(loaded.ok(), why(loaded));
        QCOMPARE(loaded->transitions().size(), 8);
        QCOMPARE(CaseWorkflow::builtIn().transitions().size(), 8);
        for (const Transition &t : loaded->transitions()) {
            QVERIFY(!t.label.zh.isEmpty());
            QVERIFY(!t.label.en.isEmpty());
        }
        QCOMPARE(loaded->find(CaseStatus::InProgress, CaseStatus::Withdrawn)->label.zh, QStringLiteral("撤诉"));
    }

    // Every (from, to) pair of the 8 states for every one of the 6 roles: 384 rows.
    void matrix_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("expected");
        for (const QString &from : allCodes<CaseStatus>()) {
            for (const QString &to : allCodes<CaseStatus>()) {
                for (const QString &role : allCodes<Role>()) {
                    const QString expected = expectedOutcome(from, to, fromCode<Role>(role).value());
                    QTest::addRow("%s>%s as %s", qPrintable(from), qPrintable(to), qPrintable(role))
                        << from << to << role << expected;
                }
            }
        }
    }
    void matrix()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, role);
        QFETCH(QString, expected);
        const User actor = staff({fromCode<Role>(role).value()});
        const Case current = readyCase(status(from));
        const auto outcome = CaseWorkflow::builtIn().apply(current, request(status(to)), actor, at(13, 10));
        if (expected == u"ok") {
            QVERIFY2(outcome.ok(), why(outcome));
            QCOMPARE(toCode(outcome->updated.status), to);
            QCOMPARE(outcome->event.fromStatus, std::optional<CaseStatus>(status(from)));
            QCOMPARE(outcome->event.toStatus, std::optional<CaseStatus>(status(to)));
            QCOMPARE(outcome->event.actorId, actorId);
            QCOMPARE(outcome->event.details.value(u"role").toString(), role);
            QVERIFY(CaseWorkflow::builtIn().availableTransitions(current, actor).contains(status(to)));
        } else {
            QVERIFY(!outcome.ok());
            QCOMPARE(failure(outcome).code, expected);
            QCOMPARE(failure(outcome).details.value(u"from").toString(), from);
            QCOMPARE(failure(outcome).details.value(u"to").toString(), to);
            QVERIFY(!CaseWorkflow::builtIn().availableTransitions(current, actor).contains(status(to)));
        }
    }

    void errorMessagesNameStatesAndRoles()
    {
        const auto &workflow = CaseWorkflow::builtIn();
        const auto illegal = workflow.apply(
            readyCase(CaseStatus::Received), request(CaseStatus::Resolved), staff({Role::Supervisor}), at(13, 10));
        QCOMPARE(failure(illegal).code, QStringLiteral("illegal_transition"));
        QCOMPARE(failure(illegal).message, QStringLiteral("A case cannot go from “Received” to “Resolved”."));

        const auto forbidden = workflow.apply(readyCase(CaseStatus::Dispatched), request(CaseStatus::InProgress),
            staff({Role::Manager, Role::Auditor}), at(13, 10));
        QCOMPARE(failure(forbidden).code, QStringLiteral("forbidden_transition"));
        QVERIFY2(failure(forbidden).message.contains(WorkflowNames::roles({Role::Handler, Role::Supervisor})),
            why(forbidden));
        QVERIFY(failure(forbidden).message.contains(QStringLiteral("“Dispatched” to “In progress”")));
        QCOMPARE(failure(forbidden).details.value(u"allowed_roles").toArray(),
            QJsonArray({QStringLiteral("handler"), QStringLiteral("supervisor")}));

        // A disabled account takes no step, whatever its roles.
        User disabled = staff({Role::Supervisor});
        disabled.disabled = true;
        const auto refused
            = workflow.apply(readyCase(CaseStatus::Received), request(CaseStatus::Registered), disabled, at(13, 10));
        QCOMPARE(failure(refused).code, QStringLiteral("forbidden_transition"));
        QVERIFY(workflow.availableTransitions(readyCase(CaseStatus::Received), disabled).isEmpty());

        const auto noTime = workflow.apply(
            readyCase(CaseStatus::Received), request(CaseStatus::Registered), staff({Role::Supervisor}), QDateTime());
        QCOMPARE(failure(noTime).code, QStringLiteral("invalid_time"));
    }

    void displayNames()
    {
        QStringList statusNames;
        for (const QString &code : allCodes<CaseStatus>())
            statusNames.append(WorkflowNames::status(status(code)));
        QCOMPARE(statusNames,
            QStringList({QStringLiteral("Received"), QStringLiteral("Registered"), QStringLiteral("Dispatched"),
                QStringLiteral("In progress"), QStringLiteral("Resolved"), QStringLiteral("Visited"),
                QStringLiteral("Archived"), QStringLiteral("Withdrawn")}));
        QStringList roleNames;
        for (const QString &code : allCodes<Role>())
            roleNames.append(WorkflowNames::role(fromCode<Role>(code).value()));
        QCOMPARE(roleNames,
            QStringList({QStringLiteral("Reception"), QStringLiteral("Handler"), QStringLiteral("Supervisor"),
                QStringLiteral("Manager"), QStringLiteral("Auditor"), QStringLiteral("Administrator")}));
    }

    // Each guard failing, and passing once what it asks for is there.
    void guards_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QList<Role>>("roles");
        QTest::addColumn<QString>("tweaks");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("voluntary"); // -1 unanswered, 0 no, 1 yes
        QTest::addColumn<QString>("guard"); // empty: the transition passes
        QTest::addColumn<QString>("message");
        const QList<Role> handler {Role::Handler};
        const QList<Role> supervisor {Role::Supervisor};
        const QList<Role> reception {Role::Reception};
        const QString why = QStringLiteral("已向客户解释并致歉");

        QTest::newRow("resolve without reply summary")
            << "in_progress"
            << "resolved" << handler << ""
            << "" << 1 << "reason_given"
            << "Give the reply summary (what the customer was told) before resolving the case.";
        QTest::newRow("resolve with blank reply summary")
            << "in_progress"
            << "resolved" << handler << ""
            << "  \t" << 1 << "reason_given"
            << "Give the reply summary (what the customer was told) before resolving the case.";
        QTest::newRow("resolve without cause") << "in_progress"
                                               << "resolved" << handler << "no_cause" << why << 1 << "cause_set"
                                               << "Set the cause before resolving the case.";
        QTest::newRow("resolve with summary and cause") << "in_progress"
                                                        << "resolved" << handler << "" << why << 1 << ""
                                                        << "";
        QTest::newRow("resolve by a handler of another unit")
            << "in_progress"
            << "resolved" << handler << "other_assignee,other_unit" << why << 1 << "actor_assigned"
            << "You are neither the assignee of this case nor a member of its handling unit.";
        QTest::newRow("resolve by a handler of the handling unit")
            << "in_progress"
            << "resolved" << handler << "other_assignee" << why << 1 << ""
            << "";
        QTest::newRow("resolve by a supervisor not assigned")
            << "in_progress"
            << "resolved" << supervisor << "other_assignee,other_unit" << why << 1 << ""
            << "";
        QTest::newRow("resolve by the subject staff (id)")
            << "in_progress"
            << "resolved" << handler << "subject_id" << why << 1 << "not_subject_staff"
            << "You are the person complained about and may not handle this case.";
        QTest::newRow("resolve by the subject staff (login)")
            << "in_progress"
            << "resolved" << handler << "subject_login" << why << 1 << "not_subject_staff"
            << "You are the person complained about and may not handle this case.";
        QTest::newRow("resolve by the subject staff (name)")
            << "in_progress"
            << "resolved" << supervisor << "subject_name" << why << 1 << "not_subject_staff"
            << "You are the person complained about and may not handle this case.";
        QTest::newRow("start by a handler not assigned")
            << "dispatched"
            << "in_progress" << handler << "other_assignee,other_unit"
            << "" << -1 << "actor_assigned"
            << "You are neither the assignee of this case nor a member of its handling unit.";
        QTest::newRow("start by the assigned handler") << "dispatched"
                                                       << "in_progress" << handler << ""
                                                       << "" << -1 << ""
                                                       << "";
        QTest::newRow("start by a handler holding supervisor too")
            << "dispatched"
            << "in_progress" << QList<Role> {Role::Handler, Role::Supervisor} << "other_assignee,other_unit"
            << "" << -1 << ""
            << "";
        QTest::newRow("dispatch with neither assignee nor unit")
            << "registered"
            << "dispatched" << supervisor << "no_assignee,no_unit"
            << "" << -1 << "assignee_or_unit_set"
            << "Choose a handler or a handling unit before dispatching the case.";
        QTest::newRow("dispatch to a unit") << "registered"
                                            << "dispatched" << supervisor << "no_assignee"
                                            << "" << -1 << ""
                                            << "";
        QTest::newRow("dispatch to an assignee") << "registered"
                                                 << "dispatched" << supervisor << "no_unit"
                                                 << "" << -1 << ""
                                                 << "";
        QTest::newRow("review by the subject staff") << "received"
                                                     << "registered" << supervisor << "subject_id"
                                                     << "" << -1 << "not_subject_staff"
                                                     << "You are the person complained about and may not handle this "
                                                        "case.";
        QTest::newRow("withdraw without reason") << "registered"
                                                 << "withdrawn" << reception << ""
                                                 << "" << 1 << "reason_given"
                                                 << "A reason is required to withdraw a case.";
        QTest::newRow("withdraw without the voluntary answer")
            << "registered"
            << "withdrawn" << reception << "" << why << -1 << "voluntary_answered"
            << "Say whether the withdrawal was voluntary.";
        QTest::newRow("withdraw recorded by the subject staff")
            << "in_progress"
            << "withdrawn" << reception << "subject_login" << why << 1 << "not_subject_staff"
            << "You are the person complained about and may not handle this case.";
        QTest::newRow("withdraw with reason and answer") << "registered"
                                                         << "withdrawn" << reception << "" << why << 1 << ""
                                                         << "";
        QTest::newRow("re-open without reason") << "resolved"
                                                << "in_progress" << supervisor << ""
                                                << "" << -1 << "reason_given"
                                                << "A reason is required to re-open a case.";
        QTest::newRow("re-open with reason") << "archived"
                                             << "in_progress" << supervisor << "" << why << -1 << ""
                                             << "";
    }
    void guards()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QList<Role>, roles);
        QFETCH(QString, tweaks);
        QFETCH(QString, reason);
        QFETCH(int, voluntary);
        QFETCH(QString, guard);
        QFETCH(QString, message);
        User actor = staff(roles);
        Case current = readyCase(status(from));
        tweak(tweaks, current, actor);
        std::optional<bool> answer;
        if (voluntary >= 0)
            answer = voluntary == 1;
        const auto outcome
            = CaseWorkflow::builtIn().apply(current, request(status(to), reason, answer), actor, at(13, 10));
        if (guard.isEmpty()) {
            QVERIFY2(outcome.ok(), why(outcome));
            QCOMPARE(toCode(outcome->updated.status), to);
            return;
        }
        QVERIFY(!outcome.ok());
        QCOMPARE(failure(outcome).code, QStringLiteral("guard_failed"));
        QCOMPARE(failure(outcome).message, message);
        QCOMPARE(failure(outcome).details.value(u"guard").toString(), guard);
        QCOMPARE(failure(outcome).details.value(u"from").toString(), from);
        QCOMPARE(failure(outcome).details.value(u"to").toString(), to);
    }

    void subjectStaffHandlerRefused()
    {
        // The handler is assigned to the case but is also the person it complains about (BRIEF §1, §9).
        const User handler = staff({Role::Handler});
        Case current = readyCase(CaseStatus::InProgress);
        current.subjectStaff = handler.name;
        const auto &workflow = CaseWorkflow::builtIn();
        const auto outcome = workflow.apply(current, request(CaseStatus::Resolved), handler, at(13, 10));
        QCOMPARE(failure(outcome).code, QStringLiteral("guard_failed"));
        QCOMPARE(failure(outcome).details.value(u"guard").toString(), QStringLiteral("not_subject_staff"));
        QVERIFY(workflow.availableTransitions(current, handler).isEmpty());
        current.status = CaseStatus::Dispatched;
        QCOMPARE(failure(workflow.apply(current, request(CaseStatus::InProgress), handler, at(13, 10))).code,
            QStringLiteral("guard_failed"));
        // Another handler of the same unit may take it.
        const User colleague = staff({Role::Handler}, QStringLiteral("6f1d6c52-3a3e-4f57-9a39-000000000002"));
        User other = colleague;
        other.login = QStringLiteral("wang.fang");
        other.name = QStringLiteral("王芳");
        QVERIFY(workflow.apply(current, request(CaseStatus::InProgress), other, at(13, 10)).ok());
    }

    void withdrawal_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("voluntary");
        for (const char *from : {"received", "registered", "dispatched", "in_progress"}) {
            QTest::addRow("%s, voluntary", from) << QString::fromLatin1(from) << true;
            QTest::addRow("%s, pressured", from) << QString::fromLatin1(from) << false;
        }
    }
    void withdrawal()
    {
        QFETCH(QString, from);
        QFETCH(bool, voluntary);
        const QDateTime now = at(13, 15, 30);
        const Case current = readyCase(status(from));
        const QString reason = QStringLiteral("客户表示问题已私下解决");
        const auto outcome = CaseWorkflow::builtIn().apply(
            current, request(CaseStatus::Withdrawn, reason, voluntary), staff({Role::Reception}), now);
        QVERIFY2(outcome.ok(), why(outcome));
        const Case &updated = outcome->updated;
        const AuditEvent &event = outcome->event;
        QCOMPARE(event.reason, reason);
        QCOMPARE(event.fromStatus, std::optional<CaseStatus>(status(from)));
        QCOMPARE(event.details.value(u"voluntary").toBool(true), voluntary);
        QCOMPARE(event.details.value(u"transition").toString(), QStringLiteral("withdraw"));
        QCOMPARE(updated.reopenCount, 0);
        QCOMPARE(updated.updatedAt, now);
        if (voluntary) {
            // BRIEF §9: a withdrawal ends the procedure on the day it is received.
            QCOMPARE(updated.status, CaseStatus::Withdrawn);
            QCOMPARE(updated.closedAt, now);
            QVERIFY(!updated.conductIssue);
            QVERIFY(!outcome->conductIssueRaised);
            QCOMPARE(event.action, QStringLiteral("transition"));
            QCOMPARE(event.toStatus, std::optional<CaseStatus>(CaseStatus::Withdrawn));
        } else {
            // 004 art.19: pressured, so not withdrawn: back in progress as a conduct issue.
            QCOMPARE(updated.status, CaseStatus::InProgress);
            QVERIFY(!updated.closedAt.isValid());
            QVERIFY(updated.conductIssue);
            QVERIFY(outcome->conductIssueRaised);
            QCOMPARE(event.action, QStringLiteral("withdrawal_refused"));
            QCOMPARE(event.toStatus, std::optional<CaseStatus>(CaseStatus::InProgress));
            QCOMPARE(event.details.value(u"requested_to").toString(), QStringLiteral("withdrawn"));
            QCOMPARE(event.details.value(u"conduct_issue").toBool(), true);
            // The review and dispatch that did not happen are not invented.
            QCOMPARE(updated.registeredAt, current.registeredAt);
            QCOMPARE(updated.dispatchedAt, current.dispatchedAt);
        }
    }

    void withdrawalFoundPressuredLater()
    {
        // A voluntary-looking withdrawal turns out to have been pressured: re-opened as a conduct issue.
        const auto outcome = CaseWorkflow::builtIn().apply(readyCase(CaseStatus::Withdrawn),
            request(CaseStatus::InProgress, QStringLiteral("客户来电称曾被要求撤诉"), false), staff({Role::Supervisor}),
            at(16, 9));
        QVERIFY2(outcome.ok(), why(outcome));
        QCOMPARE(outcome->updated.status, CaseStatus::InProgress);
        QVERIFY(outcome->updated.conductIssue);
        QVERIFY(outcome->conductIssueRaised);
        QCOMPARE(outcome->updated.reopenCount, 1);
        QCOMPARE(outcome->event.action, QStringLiteral("reopened"));
        QCOMPARE(outcome->event.details.value(u"voluntary").toBool(true), false);

        // An ordinary re-opening of a withdrawn case raises nothing.
        const auto plain = CaseWorkflow::builtIn().apply(readyCase(CaseStatus::Withdrawn),
            request(CaseStatus::InProgress, QStringLiteral("客户再次投诉"), std::nullopt), staff({Role::Supervisor}),
            at(16, 9));
        QVERIFY(plain.ok());
        QVERIFY(!plain->updated.conductIssue);
        QVERIFY(!plain->conductIssueRaised);
        QVERIFY(!plain->event.details.contains(u"voluntary"));
    }

    void reopen_data()
    {
        QTest::addColumn<QString>("from");
        for (const char *from : {"resolved", "visited", "archived", "withdrawn"})
            QTest::newRow(from) << QString::fromLatin1(from);
    }
    void reopen()
    {
        QFETCH(QString, from);
        Case current = readyCase(status(from));
        current.reopenCount = 1;
        const QDateTime now = at(24, 10);
        const auto outcome = CaseWorkflow::builtIn().apply(current,
            request(CaseStatus::InProgress, QStringLiteral("回访客户不满意"), std::nullopt), staff({Role::Supervisor}),
            now);
        QVERIFY2(outcome.ok(), why(outcome));
        const Case &updated = outcome->updated;
        QCOMPARE(updated.status, CaseStatus::InProgress);
        QCOMPARE(updated.reopenCount, 2);
        QVERIFY(!updated.resolvedAt.isValid());
        QVERIFY(!updated.visitedAt.isValid());
        QVERIFY(!updated.closedAt.isValid());
        // History stays: when it was registered and dispatched does not change.
        QCOMPARE(updated.registeredAt, current.registeredAt);
        QCOMPARE(updated.dispatchedAt, current.dispatchedAt);
        QCOMPARE(updated.receivedAt, current.receivedAt);
        QCOMPARE(outcome->event.action, QStringLiteral("reopened"));
        QCOMPARE(outcome->event.reason, QStringLiteral("回访客户不满意"));
        QCOMPARE(outcome->event.details.value(u"reopen_count").toInt(), 2);
        QCOMPARE(outcome->event.at, now);
    }

    void lifeCycleTimestamps()
    {
        FixedClock clock(at(9, 10));
        const auto &workflow = CaseWorkflow::builtIn();
        const User supervisor = staff({Role::Supervisor}, QStringLiteral("sup-1"));
        const User handler = staff({Role::Handler});
        Case c = readyCase(CaseStatus::Received);
        c.registeredAt = QDateTime();
        QStringList eventIds;
        auto step = [&](CaseStatus to, const User &actor, const QString &reason = {}) {
            clock.advanceSeconds(3600);
            auto outcome = workflow.apply(c, request(to, reason, std::nullopt), actor, clock.now());
            if (!outcome.ok())
                return outcome.error().message;
            c = outcome->updated;
            eventIds.append(outcome->event.id);
            return QString();
        };
        QCOMPARE(step(CaseStatus::Registered, supervisor), QString());
        QCOMPARE(c.registeredAt, at(9, 11));
        QCOMPARE(step(CaseStatus::Dispatched, supervisor), QString());
        QCOMPARE(c.dispatchedAt, at(9, 12));
        QCOMPARE(step(CaseStatus::InProgress, handler), QString());
        QCOMPARE(step(CaseStatus::Resolved, handler, QStringLiteral("已退还手续费")), QString());
        QCOMPARE(c.resolvedAt, at(9, 14));
        QCOMPARE(step(CaseStatus::Visited, supervisor), QString());
        QCOMPARE(c.visitedAt, at(9, 15));
        QCOMPARE(step(CaseStatus::Archived, supervisor), QString());
        QCOMPARE(c.closedAt, at(9, 16));
        QCOMPARE(step(CaseStatus::InProgress, supervisor, QStringLiteral("客户再次投诉")), QString());
        QCOMPARE(c.reopenCount, 1);
        QCOMPARE(step(CaseStatus::Resolved, handler, QStringLiteral("补发对账单")), QString());
        QCOMPARE(c.resolvedAt, at(9, 18));
        QVERIFY(!c.visitedAt.isValid());
        QCOMPARE(step(CaseStatus::InProgress, supervisor, QStringLiteral("回访仍不满意")), QString());
        QCOMPARE(c.reopenCount, 2);
        QCOMPARE(c.registeredAt, at(9, 11));
        QCOMPARE(c.status, CaseStatus::InProgress);
        // Each event gets its own UUID (audit events are also written offline, DESIGN §6).
        QCOMPARE(eventIds.size(), 9);
        QCOMPARE(QSet<QString>(eventIds.cbegin(), eventIds.cend()).size(), 9);
        for (const QString &id : eventIds)
            QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
    }

    void availableTransitions_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QList<Role>>("roles");
        QTest::addColumn<QString>("tweaks");
        QTest::addColumn<QString>("expected");
        const QList<Role> handler {Role::Handler};
        const QList<Role> supervisor {Role::Supervisor};
        QTest::newRow("handler, received") << "received" << handler << ""
                                           << "withdrawn";
        QTest::newRow("handler, dispatched") << "dispatched" << handler << ""
                                             << "in_progress,withdrawn";
        QTest::newRow("handler, dispatched elsewhere") << "dispatched" << handler << "other_assignee,other_unit"
                                                       << "";
        QTest::newRow("handler, in progress") << "in_progress" << handler << ""
                                              << "resolved,withdrawn";
        QTest::newRow("handler, in progress, no cause yet") << "in_progress" << handler << "no_cause"
                                                            << "withdrawn";
        QTest::newRow("handler, in progress, subject staff") << "in_progress" << handler << "subject_id"
                                                             << "";
        QTest::newRow("handler, resolved") << "resolved" << handler << ""
                                           << "";
        QTest::newRow("handler, archived") << "archived" << handler << ""
                                           << "";
        QTest::newRow("supervisor, received") << "received" << supervisor << ""
                                              << "registered,withdrawn";
        QTest::newRow("supervisor, registered") << "registered" << supervisor << ""
                                                << "dispatched,withdrawn";
        QTest::newRow("supervisor, registered, nobody to dispatch to")
            << "registered" << supervisor << "no_assignee,no_unit"
            << "withdrawn";
        QTest::newRow("supervisor, dispatched") << "dispatched" << supervisor << "other_assignee,other_unit"
                                                << "in_progress,withdrawn";
        QTest::newRow("supervisor, in progress") << "in_progress" << supervisor << ""
                                                 << "resolved,withdrawn";
        QTest::newRow("supervisor, resolved") << "resolved" << supervisor << ""
                                              << "in_progress,visited";
        QTest::newRow("supervisor, visited") << "visited" << supervisor << ""
                                             << "in_progress,archived";
        QTest::newRow("supervisor, archived") << "archived" << supervisor << ""
                                              << "in_progress";
        QTest::newRow("supervisor, withdrawn") << "withdrawn" << supervisor << ""
                                               << "in_progress";
        QTest::newRow("handler and supervisor, dispatched elsewhere")
            << "dispatched" << QList<Role> {Role::Handler, Role::Supervisor} << "other_assignee,other_unit"
            << "in_progress,withdrawn";
        QTest::newRow("reception, in progress") << "in_progress" << QList<Role> {Role::Reception} << ""
                                                << "withdrawn";
        QTest::newRow("manager, auditor and admin, in progress")
            << "in_progress" << QList<Role> {Role::Manager, Role::Auditor, Role::Admin} << ""
            << "";
    }
    void availableTransitions()
    {
        QFETCH(QString, from);
        QFETCH(QList<Role>, roles);
        QFETCH(QString, tweaks);
        QFETCH(QString, expected);
        User actor = staff(roles);
        Case current = readyCase(status(from));
        tweak(tweaks, current, actor);
        QCOMPARE(codes(CaseWorkflow::builtIn().availableTransitions(current, actor)), expected);
    }

    // A broken workflow file is refused with a message naming the file, the entry and the field.
    void malformedFile_data()
    {
        QTest::addColumn<int>("index"); // which entry of "transitions" to patch
        QTest::addColumn<QByteArray>("patch"); // fields to set; null removes the field
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown state") << 0 << QByteArray(R"({"to": "approved"})") << "review"
                                       << "transitions[0].to"
                                       << "invalid_value";
        QTest::newRow("unknown role") << 2 << QByteArray(R"({"allow": [{"role": "teller"}]})") << "start.teller"
                                      << "transitions[2].allow[0].role"
                                      << "invalid_value";
        QTest::newRow("role listed twice")
            << 2 << QByteArray(R"({"allow": [{"role": "handler"}, {"role": "handler"}]})") << "start.handler"
            << "transitions[2].allow[1].role"
            << "invalid_value";
        QTest::newRow("unknown guard") << 3 << QByteArray(R"({"guards": ["reason_given", "moon_phase"]})") << "resolve"
                                       << "transitions[3].guards"
                                       << "invalid_value";
        QTest::newRow("unknown role guard")
            << 3 << QByteArray(R"({"allow": [{"role": "handler", "guards": ["is_friendly"]}]})") << "resolve.handler"
            << "transitions[3].allow[0].guards"
            << "invalid_value";
        QTest::newRow("missing kind") << 1 << QByteArray(R"({"kind": null})") << "dispatch"
                                      << "transitions[1].kind"
                                      << "missing_field";
        QTest::newRow("missing id") << 2 << QByteArray(R"({"id": null})") << "transitions[2]"
                                    << "transitions[2].id"
                                    << "missing_field";
        QTest::newRow("id used twice") << 1 << QByteArray(R"({"id": "review"})") << "review"
                                       << "transitions[1].id"
                                       << "invalid_value";
        QTest::newRow("unknown field") << 0 << QByteArray(R"({"rolez": ["supervisor"]})") << "review"
                                       << "transitions[0].rolez"
                                       << "unknown_field";
        QTest::newRow("no role may take it") << 5 << QByteArray(R"({"allow": []})") << "archive"
                                             << "transitions[5].allow"
                                             << "invalid_value";
        QTest::newRow("label without English") << 0 << QByteArray(R"({"label": {"zh": "审核"}})") << "review"
                                               << "transitions[0].label.en"
                                               << "missing_field";
        QTest::newRow("step declared twice")
            << 5 << QByteArray(R"({"from": ["resolved"], "to": "visited"})") << "archive"
            << "transitions[5].from"
            << "invalid_value";
        QTest::newRow("withdrawal without the voluntary check")
            << 6 << QByteArray(R"({"guards": ["reason_given"]})") << "withdraw"
            << "transitions[6].guards"
            << "invalid_value";
        QTest::newRow("withdrawal without a pressured state")
            << 6 << QByteArray(R"({"if_not_voluntary": null})") << "withdraw"
            << "transitions[6].if_not_voluntary"
            << "invalid_value";
        QTest::newRow("withdrawal of a finished case") << 6 << QByteArray(R"({"from": ["resolved"]})") << "withdraw"
                                                       << "transitions[6].from"
                                                       << "invalid_value";
        QTest::newRow("re-open without reason") << 7 << QByteArray(R"({"guards": []})") << "reopen"
                                                << "transitions[7].guards"
                                                << "invalid_value";
        QTest::newRow("advance into withdrawn")
            << 0 << QByteArray(R"({"to": "withdrawn", "from": ["resolved"]})") << "review"
            << "transitions[0].kind"
            << "invalid_value";
        QTest::newRow("re-opening disguised as an advance")
            << 4 << QByteArray(R"({"from": ["archived"], "to": "dispatched"})") << "visit"
            << "transitions[4].kind"
            << "invalid_value";
        QTest::newRow("from not a list") << 4 << QByteArray(R"({"from": "resolved"})") << "visit"
                                         << "transitions[4].from"
                                         << "invalid_type";
    }
    void malformedFile()
    {
        QFETCH(int, index);
        QFETCH(QByteArray, patch);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QJsonObject json = builtInJson();
        QJsonArray transitions = json.value(u"transitions").toArray();
        QJsonObject transition = transitions.at(index).toObject();
        const QJsonObject changes = QJsonDocument::fromJson(patch).object();
        QVERIFY(!changes.isEmpty());
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isNull())
                transition.remove(it.key());
            else
                transition.insert(it.key(), it.value());
        }
        transitions.replace(index, transition);
        json.insert(QStringLiteral("transitions"), transitions);

        const auto loaded = CaseWorkflow::fromJson(json, QStringLiteral("workflow.json"));
        QVERIFY(!loaded.ok());
        const Error error = failure(loaded);
        QCOMPARE(error.code, QStringLiteral("invalid_rule_file"));
        QCOMPARE(error.details.value(u"file").toString(), QStringLiteral("workflow.json"));
        QCOMPARE(error.details.value(u"entry").toString(), entry);
        QCOMPARE(error.details.value(u"field").toString(), field);
        QCOMPARE(error.details.value(u"reason").toString(), reason);
        QVERIFY2(error.message.startsWith(QStringLiteral("workflow.json, entry “%1”, field “%2”").arg(entry, field)),
            qPrintable(error.message));
    }

    void fileLevelProblems()
    {
        QJsonObject json = builtInJson();
        json.insert(QStringLiteral("version"), 2);
        auto loaded = CaseWorkflow::fromJson(json, QStringLiteral("workflow.json"));
        QCOMPARE(failure(loaded).details.value(u"field").toString(), QStringLiteral("version"));

        json = builtInJson();
        json.insert(QStringLiteral("transitions"), QJsonArray());
        loaded = CaseWorkflow::fromJson(json, QStringLiteral("workflow.json"));
        QCOMPARE(failure(loaded).details.value(u"field").toString(), QStringLiteral("transitions"));

        json = builtInJson();
        json.remove(QStringLiteral("transitions"));
        loaded = CaseWorkflow::fromJson(json, QStringLiteral("workflow.json"));
        QCOMPARE(failure(loaded).details.value(u"reason").toString(), QStringLiteral("missing_field"));
    }

    void overrideDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // No file there: the built-in table applies.
        auto loaded = CaseWorkflow::load(dir.path());
        QVERIFY2(loaded.ok(), why(loaded));
        QCOMPARE(loaded->find(CaseStatus::Received, CaseStatus::Registered)->roles(), QList<Role> {Role::Supervisor});

        // An admin's copy lets reception review intake as well.
        QJsonObject json = builtInJson();
        QJsonArray transitions = json.value(u"transitions").toArray();
        QJsonObject review = transitions.at(0).toObject();
        QJsonArray allow = review.value(u"allow").toArray();
        allow.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("reception")}});
        review.insert(QStringLiteral("allow"), allow);
        transitions.replace(0, review);
        json.insert(QStringLiteral("transitions"), transitions);
        const QString path = dir.filePath(QStringLiteral("workflow.json"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(json).toJson());
        }
        loaded = CaseWorkflow::load(dir.path());
        QVERIFY2(loaded.ok(), why(loaded));
        QVERIFY(loaded
                    ->apply(readyCase(CaseStatus::Received), request(CaseStatus::Registered), staff({Role::Reception}),
                        at(13, 10))
                    .ok());

        // A broken copy is refused, naming the file; the built-in table is not used silently instead.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("{ \"version\": 1, \"transitions\": [ ");
        }
        loaded = CaseWorkflow::load(dir.path());
        QVERIFY(!loaded.ok());
        QCOMPARE(failure(loaded).code, QStringLiteral("invalid_rule_file"));
        QCOMPARE(failure(loaded).details.value(u"file").toString(), path);
        QVERIFY(failure(loaded).message.startsWith(path));
        QCOMPARE(failure(loaded).details.value(u"reason").toString(), QStringLiteral("not_json"));
        QCOMPARE(failure(loaded).details.value(u"line").toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkflow)
#include "test_workflow.moc"
