// Case endpoints of the real server (DESIGN §5): create, read with masking and the audit of unmasked
// views, list filters and cursor paging with full-text search, per-field PATCH with 409, transitions
// with 422, records, actions, history and corrective actions.
#include "ServerTestBank.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace casedesk::testing;

class TestServerCases : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;

    static QString id(const QJsonObject &c) { return c.value(QStringLiteral("id")).toString(); }
    static qint64 revision(const QJsonObject &c) { return c.value(QStringLiteral("revision")).toInteger(); }
    static QString casePath(const QString &caseId, const QString &tail = {})
    {
        return QStringLiteral("/api/v1/cases/") + caseId + tail;
    }

    QJsonArray history(const QString &caseId)
    {
        auto auditor = bank->as(QStringLiteral("auditor"));
        return auditor->get(casePath(caseId, QStringLiteral("/history")))
            .json.value(QStringLiteral("events"))
            .toArray();
    }

    static int countActions(const QJsonArray &events, const QString &action)
    {
        int n = 0;
        for (const QJsonValue &e : events)
            n += e[QStringLiteral("action")].toString() == action ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp(), qPrintable(bank->error));
    }

    void cleanupTestCase() { bank.reset(); }

    void walkInHasNumberDeadlinesPriorityAndMaskedPhone()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        const HttpResponse r = reception->post(QStringLiteral("/api/v1/cases"), ServerTestBank::walkIn());
        QCOMPARE(r.status, 201);
        const QJsonObject c = r.json;
        // Registered online: the server's own device code A, first of the day at SH01.
        QCOMPARE(c[QStringLiteral("number")].toString(), QStringLiteral("SH01-20261124-A0001"));
        QCOMPARE(c[QStringLiteral("status")].toString(), QStringLiteral("received"));
        QCOMPARE(c[QStringLiteral("branch_id")].toString(), bank->branchIds.value(QStringLiteral("SH01")));
        QCOMPARE(c[QStringLiteral("channel")].toString(), QStringLiteral("walk_in"));
        QVERIFY(c[QStringLiteral("received_at")].toString().startsWith(QStringLiteral("2026-11-24T10:2")));
        QVERIFY(c[QStringLiteral("received_at")].toString().endsWith(QStringLiteral("+08:00")));
        // BRIEF §5 and DESIGN §5 counting: register 1 WD, general resolve 3 WD, statutory 15 calendar days.
        const QJsonObject deadlines = c[QStringLiteral("deadlines")].toObject();
        QCOMPARE(deadlines[QStringLiteral("register_by")].toString(), QStringLiteral("2026-11-25"));
        QCOMPARE(deadlines[QStringLiteral("resolve_by")].toString(), QStringLiteral("2026-11-27"));
        QCOMPARE(deadlines[QStringLiteral("statutory_by")].toString(), QStringLiteral("2026-12-09"));
        QVERIFY(deadlines.contains(QStringLiteral("contact_by")));
        QVERIFY(deadlines.contains(QStringLiteral("visit_by")));
        QCOMPARE(c[QStringLiteral("overdue")].toBool(true), false);
        QCOMPARE(c[QStringLiteral("priority")].toString(), QStringLiteral("normal"));
        QCOMPARE(c[QStringLiteral("priority_reasons")].toArray().size(), 0);
        QCOMPARE(c[QStringLiteral("complainant")][QStringLiteral("phone")].toString(), QStringLiteral("138****5678"));
        QCOMPARE(c[QStringLiteral("complainant")][QStringLiteral("name")].toString(), QStringLiteral("陈敏"));
        QVERIFY(c[QStringLiteral("repeat_of")].isNull());
        QVERIFY(revision(c) > 0);
        QVERIFY(c[QStringLiteral("warnings")].isArray());
    }

    void priorityReasonsComeInTheReadersLanguage()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        reception->setLanguage("zh-CN,zh;q=0.9");
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13900001111"));
        input.insert(QStringLiteral("category"), QStringLiteral("product"));
        input.insert(QStringLiteral("threatens_escalation"), true);
        const QJsonObject c = ServerTestBank::createCase(*reception, input);
        QCOMPARE(c[QStringLiteral("priority")].toString(), QStringLiteral("urgent"));
        const QJsonArray chinese = c[QStringLiteral("priority_reasons")].toArray();
        QCOMPARE(chinese.size(), 2);
        QCOMPARE(chinese.at(0).toString(), QStringLiteral("客户声称将向媒体或监管投诉"));
        QCOMPARE(c[QStringLiteral("handling_unit")].toString(), QStringLiteral("product_management"));
        QCOMPARE(c[QStringLiteral("deadlines")][QStringLiteral("resolve_by")].toString(), QStringLiteral("2026-12-03"));
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        supervisor->setLanguage("en-GB,en;q=0.9");
        const QJsonArray english
            = supervisor->get(casePath(id(c)), {{QStringLiteral("reveal"), QStringLiteral("false")}})
                  .json[QStringLiteral("priority_reasons")]
                  .toArray();
        QCOMPARE(english.size(), 2);
        QVERIFY(english.at(0).toString().contains(QStringLiteral("regulator")));
        QVERIFY(english.at(0).toString() != chinese.at(0).toString());
    }

    void unmaskedViewsAreForThoseAllowedAndAudited()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13700002222"));
        input.insert(QStringLiteral("complainant"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("周兰")},
                {QStringLiteral("phone"), QStringLiteral("13700002222")},
                {QStringLiteral("id_number"), QStringLiteral("11010519491231002X")}});
        const QJsonObject c = ServerTestBank::createCase(*reception, input);
        QVERIFY(!c.isEmpty());
        QCOMPARE(countActions(history(id(c)), QStringLiteral("viewed_personal_data")), 0);

        // The counter clerk sees the case masked and leaves no view event.
        const HttpResponse masked = reception->get(casePath(id(c)));
        QCOMPARE(masked.status, 200);
        QCOMPARE(masked.json[QStringLiteral("complainant")][QStringLiteral("phone")].toString(),
            QStringLiteral("137****2222"));
        QCOMPARE(masked.json[QStringLiteral("complainant")][QStringLiteral("id_number")].toString(),
            QStringLiteral("110***********002X"));
        QCOMPARE(masked.json[QStringLiteral("complainant")][QStringLiteral("masked")].toBool(), true);
        QCOMPARE(countActions(history(id(c)), QStringLiteral("viewed_personal_data")), 0);

        // The complaint manager sees it in full, and that view is an audit event naming them.
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        const HttpResponse full
            = supervisor->get(casePath(id(c)), {{QStringLiteral("purpose"), QStringLiteral("callback")}});
        QCOMPARE(full.status, 200);
        QCOMPARE(full.json[QStringLiteral("complainant")][QStringLiteral("phone")].toString(),
            QStringLiteral("13700002222"));
        QCOMPARE(full.json[QStringLiteral("complainant")][QStringLiteral("id_number")].toString(),
            QStringLiteral("11010519491231002X"));
        QJsonArray events = history(id(c));
        QCOMPARE(countActions(events, QStringLiteral("viewed_personal_data")), 1);
        for (const QJsonValue &e : events) {
            if (e[QStringLiteral("action")].toString() == QLatin1String("viewed_personal_data")) {
                QCOMPARE(e[QStringLiteral("actor_id")].toString(), bank->userIds.value(QStringLiteral("supervisor")));
                QCOMPARE(
                    e[QStringLiteral("details")][QStringLiteral("purpose")].toString(), QStringLiteral("callback"));
            }
        }
        // Asking for the masked form is not a view of personal data.
        QCOMPARE(supervisor->get(casePath(id(c)), {{QStringLiteral("reveal"), QStringLiteral("false")}})
                     .json[QStringLiteral("complainant")][QStringLiteral("phone")]
                     .toString(),
            QStringLiteral("137****2222"));
        QCOMPARE(countActions(history(id(c)), QStringLiteral("viewed_personal_data")), 1);
        // Lists are always masked, also for the manager who may see the full data.
        const HttpResponse list
            = supervisor->get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("q"), QStringLiteral("周兰")}});
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json[QStringLiteral("cases")].toArray().size(), 1);
        QCOMPARE(
            list.json[QStringLiteral("cases")][0][QStringLiteral("complainant")][QStringLiteral("phone")].toString(),
            QStringLiteral("137****2222"));
        QCOMPARE(countActions(history(id(c)), QStringLiteral("viewed_personal_data")), 1);
    }

    void listingFiltersAndPagesWithoutRepeatsOrGaps()
    {
        auto reception = bank->as(QStringLiteral("sz.reception"));
        QSet<QString> created;
        for (int i = 0; i < 7; ++i) {
            QJsonObject input = ServerTestBank::walkIn(QStringLiteral("1361234%1").arg(1000 + i));
            input.insert(QStringLiteral("summary"), QStringLiteral("理财产品赎回延迟 %1 号").arg(i));
            if (i == 0) {
                // Received three weeks ago by a counter that was offline: overdue by now.
                input.insert(QStringLiteral("received_at"), QStringLiteral("2026-11-02T09:00:00+08:00"));
            }
            const QJsonObject c = ServerTestBank::createCase(*reception, input);
            QVERIFY(!c.isEmpty());
            created.insert(id(c));
        }
        auto supervisor = bank->as(QStringLiteral("sz.supervisor"));
        QSet<QString> seen;
        QString cursor;
        int pages = 0;
        do {
            QUrlQuery query {
                {QStringLiteral("limit"), QStringLiteral("3")}, {QStringLiteral("branch"), QStringLiteral("SZ02")}};
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("cursor"), cursor);
            const HttpResponse page = supervisor->get(QStringLiteral("/api/v1/cases"), query);
            QCOMPARE(page.status, 200);
            QCOMPARE(page.json[QStringLiteral("total")].toInteger(), qint64(7));
            const QJsonArray cases = page.json[QStringLiteral("cases")].toArray();
            QVERIFY(cases.size() <= 3);
            for (const QJsonValue &c : cases) {
                QVERIFY2(!seen.contains(c[QStringLiteral("id")].toString()), "a case came twice");
                seen.insert(c[QStringLiteral("id")].toString());
                QVERIFY(c[QStringLiteral("overdue")].isBool());
            }
            cursor = page.json[QStringLiteral("next_cursor")].toString();
            QCOMPARE(page.json[QStringLiteral("has_more")].toBool(), !cursor.isEmpty());
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, created);

        auto count = [&supervisor](const QUrlQuery &query) {
            return supervisor->get(QStringLiteral("/api/v1/cases"), query).json[QStringLiteral("total")].toInteger(-1);
        };
        QCOMPARE(count({{QStringLiteral("overdue"), QStringLiteral("true")}}), qint64(1));
        QCOMPARE(count({{QStringLiteral("queue"), QStringLiteral("overdue")}}), qint64(1));
        QCOMPARE(count({{QStringLiteral("overdue"), QStringLiteral("false")}}), qint64(6));
        QCOMPARE(count({{QStringLiteral("status"), QStringLiteral("received,registered")}}), qint64(7));
        QCOMPARE(count({{QStringLiteral("status"), QStringLiteral("resolved")}}), qint64(0));
        QCOMPARE(count({{QStringLiteral("category"), QStringLiteral("work_error")}}), qint64(7));
        QCOMPARE(count({{QStringLiteral("priority"), QStringLiteral("normal")}}), qint64(7));
        QCOMPARE(count({{QStringLiteral("due_before"), QStringLiteral("2026-11-10")}}), qint64(1));
        QCOMPARE(count({{QStringLiteral("queue"), QStringLiteral("unassigned")}}), qint64(7));
        // Full-text search, Chinese included; every term must occur.
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("理财产品")}}), qint64(7));
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("赎回 3号")}}), qint64(0));
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("赎回 3 号")}}), qint64(1));
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("延迟 5 号")}}), qint64(1));
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("SZ02-20261124")}}), qint64(6));
        // The SZ02 manager does not see Shanghai's cases, even when asking for them by search.
        QCOMPARE(count({{QStringLiteral("q"), QStringLiteral("手续费")}}), qint64(7));
    }

    void caseIsFoundByItsNumber()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        const QJsonObject c
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13511112222")));
        const HttpResponse byNumber = reception->get(casePath(c[QStringLiteral("number")].toString()));
        QCOMPARE(byNumber.status, 200);
        QCOMPARE(id(byNumber.json), id(c));
        QCOMPARE(reception->get(casePath(QStringLiteral("SH01-20991231-Z9999"))).status, 404);
    }

    void patchMergesPerFieldAndRefusesAStaleFieldWith409()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        QJsonObject input = ServerTestBank::walkIn(QStringLiteral("13622223333"));
        input.insert(QStringLiteral("summary"), QStringLiteral("网银转账限额被无故下调"));
        const QJsonObject c = ServerTestBank::createCase(*reception, input);
        const qint64 base = revision(c);
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        const HttpResponse first = supervisor->patch(casePath(id(c)),
            {{QStringLiteral("base_revision"), base},
                {QStringLiteral("fields"),
                    QJsonObject {{QStringLiteral("summary"), QStringLiteral("主管核实后的描述")}}}});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json[QStringLiteral("summary")].toString(), QStringLiteral("主管核实后的描述"));
        QVERIFY(revision(first.json) > base);
        // The search index follows the edit: the new text finds the case, the old one no longer does.
        auto search = [&supervisor](const QString &text) {
            return supervisor->get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("q"), text}})
                .json[QStringLiteral("total")]
                .toInteger(-1);
        };
        QCOMPARE(search(QStringLiteral("无故下调")), qint64(0));
        QCOMPARE(search(QStringLiteral("主管核实后")), qint64(1));

        // Someone else, still on the old revision, changes the same field: 409 with the current case.
        const HttpResponse stale = reception->patch(casePath(id(c)),
            {{QStringLiteral("base_revision"), base},
                {QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("柜员的版本")}}}});
        QCOMPARE(stale.status, 409);
        QCOMPARE(stale.errorCode(), QStringLiteral("conflict"));
        const QJsonObject details = stale.json[QStringLiteral("error")][QStringLiteral("details")].toObject();
        QCOMPARE(details[QStringLiteral("fields")].toArray(), QJsonArray {QStringLiteral("summary")});
        QCOMPARE(details[QStringLiteral("current")][QStringLiteral("summary")].toString(),
            QStringLiteral("主管核实后的描述"));
        QCOMPARE(details[QStringLiteral("current")][QStringLiteral("revision")].toInteger(), revision(first.json));

        // A field nobody else touched merges although the base is old.
        const HttpResponse other = reception->patch(casePath(id(c)),
            {{QStringLiteral("base_revision"), base},
                {QStringLiteral("fields"), QJsonObject {{QStringLiteral("demand"), QStringLiteral("退还并道歉")}}}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json[QStringLiteral("summary")].toString(), QStringLiteral("主管核实后的描述"));
        QCOMPARE(other.json[QStringLiteral("demand")].toString(), QStringLiteral("退还并道歉"));
    }

    void lifeCycleThroughTheApi()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        auto handler = bank->as(QStringLiteral("handler"));
        QJsonObject c = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13933334444")));
        const QString caseId = id(c);
        auto move = [&caseId](HttpJson &who, const QString &to, const QJsonObject &extra = {}) {
            QJsonObject body = extra;
            body.insert(QStringLiteral("to"), to);
            return who.post(casePath(caseId, QStringLiteral("/transitions")), body);
        };
        // Illegal edge: 422 naming both states; the case is unchanged.
        HttpResponse r = move(*supervisor, QStringLiteral("archived"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("illegal_transition"));
        QCOMPARE(
            supervisor->get(casePath(caseId)).json[QStringLiteral("status")].toString(), QStringLiteral("received"));
        // A counter clerk may not review: 403.
        r = move(*reception, QStringLiteral("registered"));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden_transition"));

        const qint64 before = revision(c);
        r = move(*supervisor, QStringLiteral("registered"), {{QStringLiteral("base_revision"), before}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[QStringLiteral("status")].toString(), QStringLiteral("registered"));
        // A second client that saw the case before the review asks for the same move: the state moved on, 409.
        r = move(*supervisor, QStringLiteral("registered"), {{QStringLiteral("base_revision"), before}});
        QCOMPARE(r.status, 409);

        r = supervisor->post(casePath(caseId, QStringLiteral("/actions")),
            {{QStringLiteral("action"), QStringLiteral("assign")},
                {QStringLiteral("assignee_id"), bank->userIds.value(QStringLiteral("handler"))}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[QStringLiteral("assignee_id")].toString(), bank->userIds.value(QStringLiteral("handler")));
        QCOMPARE(move(*supervisor, QStringLiteral("dispatched")).status, 200);
        const HttpResponse available = handler->get(casePath(caseId, QStringLiteral("/transitions")));
        QCOMPARE(available.status, 200);
        QVERIFY(available.json[QStringLiteral("available")].toArray().contains(QStringLiteral("in_progress")));
        QCOMPARE(move(*handler, QStringLiteral("in_progress")).status, 200);

        r = handler->post(casePath(caseId, QStringLiteral("/contacts")),
            {{QStringLiteral("at"), QStringLiteral("2026-11-24T14:00:00+08:00")},
                {QStringLiteral("method"), QStringLiteral("phone")},
                {QStringLiteral("summary"), QStringLiteral("已电话联系客户，说明核查进度")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json[QStringLiteral("record")][QStringLiteral("kind")].toString(), QStringLiteral("contact"));
        QVERIFY(!r.json[QStringLiteral("case")][QStringLiteral("first_contact_at")].isNull());
        r = handler->post(
            casePath(caseId, QStringLiteral("/notes")), {{QStringLiteral("text"), QStringLiteral("客户情绪平稳")}});
        QCOMPARE(r.status, 201);
        r = handler->post(casePath(caseId, QStringLiteral("/records")),
            {{QStringLiteral("kind"), QStringLiteral("investigation")},
                {QStringLiteral("data"),
                    QJsonObject {{QStringLiteral("facts"), QStringLiteral("系统收费参数配置错误")},
                        {QStringLiteral("cause"), QStringLiteral("pricing_fees")}}}});
        QCOMPARE(r.status, 201);
        r = handler->post(casePath(caseId, QStringLiteral("/actions")),
            {{QStringLiteral("action"), QStringLiteral("extend")},
                {QStringLiteral("reason"), QStringLiteral("需调取监控")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[QStringLiteral("resolve_extended")].toBool(), true);
        // A second extension is not allowed (004 art.11): 422.
        r = handler->post(casePath(caseId, QStringLiteral("/actions")),
            {{QStringLiteral("action"), QStringLiteral("extend")}, {QStringLiteral("reason"), QStringLiteral("再延")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(
            move(*handler, QStringLiteral("resolved"), {{QStringLiteral("reason"), QStringLiteral("已退还手续费")}})
                .status,
            200);
        // Visits belong to the complaint manager; a satisfied customer closes the visit.
        r = handler->post(casePath(caseId, QStringLiteral("/visits")),
            {{QStringLiteral("method"), QStringLiteral("phone")}, {QStringLiteral("reached"), false}});
        QCOMPARE(r.status, 403);
        r = supervisor->get(
            casePath(caseId, QStringLiteral("/records")), {{QStringLiteral("kind"), QStringLiteral("contact")}});
        QCOMPARE(r.json[QStringLiteral("records")].toArray().size(), 1);
        const QJsonArray events = history(caseId);
        QCOMPARE(countActions(events, QStringLiteral("transition")), 4);
        QVERIFY(countActions(events, QStringLiteral("record_added")) >= 3);
        QCOMPARE(countActions(events, QStringLiteral("extended")), 1);
        QCOMPARE(countActions(events, QStringLiteral("assigned")), 1);
        QCOMPARE(supervisor->get(casePath(caseId), {{QStringLiteral("reveal"), QStringLiteral("false")}})
                     .json[QStringLiteral("status")]
                     .toString(),
            QStringLiteral("resolved"));
    }

    void repeatComplaintIsLinkedToTheEarlierCase()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        const QJsonObject first
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13344445555")));
        const QJsonObject second
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("133 4444 5555")));
        QCOMPARE(second[QStringLiteral("repeat_of")].toString(), id(first));
        QCOMPARE(second[QStringLiteral("priority")].toString(), QStringLiteral("high"));
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        QVERIFY(supervisor->get(QStringLiteral("/api/v1/cases"), {{QStringLiteral("queue"), QStringLiteral("repeats")}})
                    .json[QStringLiteral("total")]
                    .toInteger()
            >= 1);
    }

    void correctiveActionsAreTrackedToDone()
    {
        auto reception = bank->as(QStringLiteral("reception"));
        const QJsonObject c
            = ServerTestBank::createCase(*reception, ServerTestBank::walkIn(QStringLiteral("13566667777")));
        auto supervisor = bank->as(QStringLiteral("supervisor"));
        HttpResponse r = supervisor->post(QStringLiteral("/api/v1/corrective-actions"),
            {{QStringLiteral("case_id"), id(c)}, {QStringLiteral("title"), QStringLiteral("修正转账手续费参数")},
                {QStringLiteral("due_on"), QStringLiteral("2026-12-15")}});
        QCOMPARE(r.status, 201);
        const QString actionId = r.json[QStringLiteral("id")].toString();
        QCOMPARE(r.json[QStringLiteral("status")].toString(), QStringLiteral("open"));
        QCOMPARE(r.json[QStringLiteral("branch_id")].toString(), bank->branchIds.value(QStringLiteral("SH01")));
        r = supervisor->patch(QStringLiteral("/api/v1/corrective-actions/") + actionId,
            {{QStringLiteral("status"), QStringLiteral("done")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[QStringLiteral("status")].toString(), QStringLiteral("done"));
        QCOMPARE(r.json[QStringLiteral("done_on")].toString(), QStringLiteral("2026-11-24"));
        r = supervisor->get(casePath(id(c), QStringLiteral("/corrective-actions")));
        QCOMPARE(r.json[QStringLiteral("corrective_actions")].toArray().size(), 1);
        r = supervisor->get(
            QStringLiteral("/api/v1/corrective-actions"), {{QStringLiteral("status"), QStringLiteral("done")}});
        QVERIFY(!r.json[QStringLiteral("corrective_actions")].toArray().isEmpty());
        // Counter staff do not manage corrective measures; other branches do not see them.
        QCOMPARE(
            reception
                ->post(QStringLiteral("/api/v1/corrective-actions"), {{QStringLiteral("title"), QStringLiteral("x")}})
                .status,
            403);
        auto shenzhen = bank->as(QStringLiteral("sz.supervisor"));
        QCOMPARE(shenzhen
                     ->patch(QStringLiteral("/api/v1/corrective-actions/") + actionId,
                         {{QStringLiteral("status"), QStringLiteral("open")}})
                     .status,
            404);
    }
};

QTEST_GUILESS_MAIN(TestServerCases)
#include "test_server_cases.moc"
