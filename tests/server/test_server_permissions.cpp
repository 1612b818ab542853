// The role × endpoint × branch-scope matrix of the real server (BRIEF §1, DESIGN §7): every endpoint
// checks role and scope on the server. Each row runs on a fresh case; every denial also checks that the
// case did not change.
#include "ServerTestBank.h"

#include <QJsonDocument>
#include <QTest>

using namespace casedesk::testing;

class TestServerPermissions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;
    QMap<QString, std::shared_ptr<HttpJson>> clients;
    int phone = 0;

    HttpJson &client(const QString &login)
    {
        if (!clients.contains(login))
            clients.insert(login, std::shared_ptr<HttpJson>(bank->as(login).release()));
        return *clients.value(login);
    }

    // A fresh case of the kind a row needs: received at SH01, SZ02 or SH07, or one of SH01 dispatched to
    // the handler.
    QJsonObject freshCase(const QString &kind)
    {
        QJsonObject input
            = ServerTestBank::walkIn(QStringLiteral("1390%1").arg(++phone + 1000000, 7, 10, QLatin1Char('0')));
        if (kind == QLatin1String("sz"))
            return ServerTestBank::createCase(client(QStringLiteral("sz.reception")), input);
        if (kind == QLatin1String("sh07"))
            return ServerTestBank::createCase(client(QStringLiteral("sh07.reception")), input);
        QJsonObject c = ServerTestBank::createCase(client(QStringLiteral("reception")), input);
        if (kind == QLatin1String("assigned")) {
            HttpJson &supervisor = client(QStringLiteral("supervisor"));
            const QString path = QStringLiteral("/api/v1/cases/") + c[QStringLiteral("id")].toString();
            supervisor.post(
                path + QStringLiteral("/transitions"), {{QStringLiteral("to"), QStringLiteral("registered")}});
            supervisor.post(path + QStringLiteral("/actions"),
                {{QStringLiteral("action"), QStringLiteral("assign")},
                    {QStringLiteral("assignee_id"), bank->userIds.value(QStringLiteral("handler"))}});
            c = supervisor
                    .post(path + QStringLiteral("/transitions"), {{QStringLiteral("to"), QStringLiteral("dispatched")}})
                    .json;
        }
        return c;
    }

    QJsonObject fill(QJsonObject body) const
    {
        QByteArray text = QJsonDocument(body).toJson(QJsonDocument::Compact);
        text.replace("{HANDLER}", bank->userIds.value(QStringLiteral("handler")).toUtf8());
        text.replace("{SZ02}", bank->branchIds.value(QStringLiteral("SZ02")).toUtf8());
        return QJsonDocument::fromJson(text).object();
    }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp(), qPrintable(bank->error));
    }

    void cleanupTestCase()
    {
        clients.clear();
        bank.reset();
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path"); // {CASE} is the fresh case's id
        QTest::addColumn<QString>("caseKind"); // "", sh, sz, sh07, assigned
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");

        const QString one = QStringLiteral("/api/v1/cases/{CASE}");
        const QString list = QStringLiteral("/api/v1/cases");
        const QString sh = QStringLiteral("sh"), sz = QStringLiteral("sz"), sh07 = QStringLiteral("sh07"),
                      assigned = QStringLiteral("assigned"), none;
        const QJsonObject empty;
        const QJsonObject summary {{QStringLiteral("base_revision"), 1000000},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("summary"), QStringLiteral("改")}}}};
        const QJsonObject dispatchField {{QStringLiteral("base_revision"), 1000000},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("assignee_id"), QStringLiteral("{HANDLER}")}}}};
        const QJsonObject review {{QStringLiteral("to"), QStringLiteral("registered")}};
        const QJsonObject contact {{QStringLiteral("at"), QStringLiteral("2026-11-24T11:00:00+08:00")},
            {QStringLiteral("method"), QStringLiteral("phone")}, {QStringLiteral("summary"), QStringLiteral("已联系")}};
        const QJsonObject note {{QStringLiteral("text"), QStringLiteral("备注")}};
        const QJsonObject visit {
            {QStringLiteral("method"), QStringLiteral("phone")}, {QStringLiteral("reached"), false}};
        const QJsonObject compensation {
            {QStringLiteral("amount"), 25}, {QStringLiteral("method"), QStringLiteral("transfer")}};
        const QJsonObject assign {{QStringLiteral("action"), QStringLiteral("assign")},
            {QStringLiteral("assignee_id"), QStringLiteral("{HANDLER}")}};
        const QJsonObject escalate {{QStringLiteral("action"), QStringLiteral("escalate")},
            {QStringLiteral("reason"), QStringLiteral("客户情绪激动")}};
        const QJsonObject statutory {{QStringLiteral("action"), QStringLiteral("extend_statutory")},
            {QStringLiteral("reason"), QStringLiteral("情况复杂")},
            {QStringLiteral("approver"), QStringLiteral("分管行长")}};
        const QJsonObject newCase = ServerTestBank::walkIn(QStringLiteral("13012345678"));
        QJsonObject szCase = newCase;
        szCase.insert(QStringLiteral("branch_id"), QStringLiteral("{SZ02}"));
        const QJsonObject action {
            {QStringLiteral("title"), QStringLiteral("整改")}, {QStringLiteral("branch_id"), QStringLiteral("{SZ02}")}};
        const QJsonObject user {{QStringLiteral("login"), QStringLiteral("new.clerk")},
            {QStringLiteral("name"), QStringLiteral("新柜员")},
            {QStringLiteral("roles"), QJsonArray {QStringLiteral("reception")}},
            {QStringLiteral("branch"), QStringLiteral("SH01")},
            {QStringLiteral("password"), QStringLiteral("New-clerk-2026")}};
        const QJsonObject branch {{QStringLiteral("code"), QStringLiteral("WH10")},
            {QStringLiteral("name"), QStringLiteral("武汉")}, {QStringLiteral("parent"), QStringLiteral("HO")}};
        auto row = [](const char *name, const QString &login, const QByteArray &method, const QString &path,
                       const QString &kind, const QJsonObject &body,
                       int status) { QTest::newRow(name) << login << method << path << kind << body << status; };
        const QByteArray GET = "GET", POST = "POST", PATCH = "PATCH";

        // Reading a case: own branch and below; outside the scope it does not exist.
        row("reception reads own branch", QStringLiteral("reception"), GET, one, sh, empty, 200);
        row("reception reads sub-branch", QStringLiteral("reception"), GET, one, sh07, empty, 200);
        row("reception reads other branch", QStringLiteral("reception"), GET, one, sz, empty, 404);
        row("sub-branch clerk reads parent", QStringLiteral("sh07.reception"), GET, one, sh, empty, 404);
        row("sz clerk reads SH01", QStringLiteral("sz.reception"), GET, one, sh, empty, 404);
        row("handler reads other branch", QStringLiteral("handler"), GET, one, sz, empty, 404);
        row("head-office handler reads SZ02", QStringLiteral("product"), GET, one, sz, empty, 200);
        row("manager reads SZ02", QStringLiteral("manager"), GET, one, sz, empty, 200);
        row("auditor reads SH01", QStringLiteral("auditor"), GET, one, sh, empty, 200);
        row("admin reads no case content", QStringLiteral("admin"), GET, one, sh, empty, 404);
        row("reception records of other branch", QStringLiteral("reception"), GET, one + QStringLiteral("/records"), sz,
            empty, 404);
        // Listing.
        row("admin lists cases", QStringLiteral("admin"), GET, list, none, empty, 403);
        row("reception lists SZ02", QStringLiteral("reception"), GET, list + QStringLiteral("?branch=SZ02"), none,
            empty, 403);
        row("sub-branch clerk lists SH01", QStringLiteral("sh07.reception"), GET, list + QStringLiteral("?branch=SH01"),
            none, empty, 403);
        row("sz manager lists SH01", QStringLiteral("sz.supervisor"), GET, list + QStringLiteral("?branch=SH01"), none,
            empty, 403);
        row("manager lists SZ02", QStringLiteral("manager"), GET, list + QStringLiteral("?branch=SZ02"), none, empty,
            200);
        // Intake: whoever receives a complaint registers it (BRIEF §1), in their own scope.
        row("reception creates", QStringLiteral("reception"), POST, list, none, newCase, 201);
        row("handler creates", QStringLiteral("handler"), POST, list, none, newCase, 201);
        row("supervisor creates", QStringLiteral("supervisor"), POST, list, none, newCase, 201);
        row("manager creates", QStringLiteral("manager"), POST, list, none, newCase, 403);
        row("auditor creates", QStringLiteral("auditor"), POST, list, none, newCase, 403);
        row("admin creates", QStringLiteral("admin"), POST, list, none, newCase, 403);
        row("reception creates for SZ02", QStringLiteral("reception"), POST, list, none, szCase, 403);
        row("sz clerk creates", QStringLiteral("sz.reception"), POST, list, none, newCase, 201);
        // Editing.
        row("reception corrects own intake", QStringLiteral("reception"), PATCH, one, sh, summary, 200);
        row("reception edits other branch", QStringLiteral("reception"), PATCH, one, sz, summary, 404);
        row("reception assigns by edit", QStringLiteral("reception"), PATCH, one, sh, dispatchField, 403);
        row("auditor edits", QStringLiteral("auditor"), PATCH, one, sh, summary, 403);
        row("manager edits", QStringLiteral("manager"), PATCH, one, sh, summary, 403);
        row("sz manager edits SH01", QStringLiteral("sz.supervisor"), PATCH, one, sh, summary, 404);
        row("handler edits assigned case", QStringLiteral("handler"), PATCH, one, assigned, summary, 200);
        row("supervisor assigns by edit", QStringLiteral("supervisor"), PATCH, one, sh, dispatchField, 200);
        // Life cycle.
        row("reception reviews", QStringLiteral("reception"), POST, one + QStringLiteral("/transitions"), sh, review,
            403);
        row("handler reviews", QStringLiteral("handler"), POST, one + QStringLiteral("/transitions"), sh, review, 403);
        row("manager reviews", QStringLiteral("manager"), POST, one + QStringLiteral("/transitions"), sh, review, 403);
        row("supervisor reviews", QStringLiteral("supervisor"), POST, one + QStringLiteral("/transitions"), sh, review,
            200);
        row("sz manager reviews SH01", QStringLiteral("sz.supervisor"), POST, one + QStringLiteral("/transitions"), sh,
            review, 404);
        // Records.
        row("reception logs a contact", QStringLiteral("reception"), POST, one + QStringLiteral("/contacts"), sh,
            contact, 403);
        row("handler logs a contact", QStringLiteral("handler"), POST, one + QStringLiteral("/contacts"), assigned,
            contact, 201);
        row("reception adds a note", QStringLiteral("reception"), POST, one + QStringLiteral("/notes"), sh, note, 201);
        row("manager adds a note", QStringLiteral("manager"), POST, one + QStringLiteral("/notes"), sz, note, 201);
        row("auditor adds a note", QStringLiteral("auditor"), POST, one + QStringLiteral("/notes"), sh, note, 403);
        row("handler records a visit", QStringLiteral("handler"), POST, one + QStringLiteral("/visits"), assigned,
            visit, 403);
        row("reception records compensation", QStringLiteral("reception"), POST, one + QStringLiteral("/compensations"),
            sh, compensation, 403);
        // Actions.
        row("supervisor assigns", QStringLiteral("supervisor"), POST, one + QStringLiteral("/actions"), sh, assign,
            200);
        row("handler assigns", QStringLiteral("handler"), POST, one + QStringLiteral("/actions"), sh, assign, 403);
        row("reception escalates", QStringLiteral("reception"), POST, one + QStringLiteral("/actions"), sh, escalate,
            403);
        row("handler escalates own case", QStringLiteral("handler"), POST, one + QStringLiteral("/actions"), assigned,
            escalate, 200);
        row("supervisor extends statutory", QStringLiteral("supervisor"), POST, one + QStringLiteral("/actions"), sh,
            statutory, 403);
        row("manager extends statutory", QStringLiteral("manager"), POST, one + QStringLiteral("/actions"), sh,
            statutory, 200);
        // Audit trail.
        row("reception reads history", QStringLiteral("reception"), GET, one + QStringLiteral("/history"), sh, empty,
            403);
        row("handler reads history", QStringLiteral("handler"), GET, one + QStringLiteral("/history"), assigned, empty,
            403);
        row("auditor reads history", QStringLiteral("auditor"), GET, one + QStringLiteral("/history"), sz, empty, 200);
        row("sz manager reads SH01 history", QStringLiteral("sz.supervisor"), GET, one + QStringLiteral("/history"), sh,
            empty, 404);
        // Corrective actions and administration.
        row("reception raises a measure", QStringLiteral("reception"), POST,
            QStringLiteral("/api/v1/corrective-actions"), none,
            QJsonObject {{QStringLiteral("title"), QStringLiteral("整改")}}, 403);
        row("supervisor raises one for SZ02", QStringLiteral("supervisor"), POST,
            QStringLiteral("/api/v1/corrective-actions"), none, action, 403);
        row("sz manager raises one for SZ02", QStringLiteral("sz.supervisor"), POST,
            QStringLiteral("/api/v1/corrective-actions"), none, action, 201);
        row("supervisor adds a user", QStringLiteral("supervisor"), POST, QStringLiteral("/api/v1/users"), none, user,
            403);
        row("manager adds a branch", QStringLiteral("manager"), POST, QStringLiteral("/api/v1/branches"), none, branch,
            403);
        row("admin adds a branch", QStringLiteral("admin"), POST, QStringLiteral("/api/v1/branches"), none, branch,
            201);
        row("auditor reads the directory", QStringLiteral("auditor"), GET, QStringLiteral("/api/v1/users?role=handler"),
            none, empty, 200);
        row("reception reads the taxonomy", QStringLiteral("reception"), GET, QStringLiteral("/api/v1/taxonomy"), none,
            empty, 200);
    }

    void matrix()
    {
        QFETCH(QString, login);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, caseKind);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);

        QJsonObject c;
        if (!caseKind.isEmpty()) {
            c = freshCase(caseKind);
            QVERIFY(!c.isEmpty());
            path.replace(QStringLiteral("{CASE}"), c[QStringLiteral("id")].toString());
            if (body.contains(QStringLiteral("base_revision")))
                body.insert(QStringLiteral("base_revision"), c[QStringLiteral("revision")]);
        }
        body = fill(body);
        QUrl url(path);
        const HttpResponse r = client(login).send(method, url.path(),
            method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
            QUrlQuery(url.query()));
        QVERIFY2(r.status == status,
            qPrintable(QStringLiteral("%1 %2 → %3 %4")
                           .arg(QString::fromLatin1(method), path)
                           .arg(r.status)
                           .arg(QString::fromUtf8(r.body.left(300)))));
        if (status >= 400) {
            // A denial is a JSON error with a stable code, and it changed nothing.
            QVERIFY(!r.errorCode().isEmpty());
            QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
            if (!c.isEmpty()) {
                const HttpResponse after
                    = client(QStringLiteral("manager"))
                          .get(QStringLiteral("/api/v1/cases/") + c[QStringLiteral("id")].toString(),
                              {{QStringLiteral("reveal"), QStringLiteral("false")}});
                QCOMPARE(after.json[QStringLiteral("revision")], c[QStringLiteral("revision")]);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestServerPermissions)
#include "test_server_permissions.moc"
