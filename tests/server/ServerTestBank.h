#pragma once

#include "fixtures/HttpJson.h"
#include "fixtures/ServerProcess.h"

#include <QJsonArray>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace casedesk::testing {

// A small bank served by the real casedesk-server for the integration tests: head office HO with
// branches SH01 (and its sub-branch SH07) and SZ02, one user per role at SH01 or HO, plus counter and
// complaint-manager staff at SZ02 — created through the API by the administrator. The server's clock
// starts at Tuesday 2026-11-24 10:20 Shanghai time (hidden setting), so deadlines are known dates.
class ServerTestBank
{
public:
    static constexpr const char *clockStart = "2026-11-24T10:20:00+08:00";

    ServerTestBank()
        : server(directory.filePath(QStringLiteral("data")))
    { }

    // init → conf → serve → branches and users. Extra conf keys take effect from the first start.
    bool setUp(const QList<QPair<QString, QString>> &settings = {}, bool organisation = true)
    {
        if (!directory.isValid())
            return fail(QStringLiteral("no temporary directory"));
        if (auto ok = server.init(QStringLiteral("admin"), password); !ok)
            return fail(ok.error().message);
        QList<QPair<QString, QString>> conf {{QStringLiteral("testing/clock_start"), QString::fromLatin1(clockStart)}};
        server.configure(conf + settings);
        if (auto ok = server.start(); !ok)
            return fail(ok.error().message);
        return !organisation || createOrganisation();
    }

    bool createOrganisation()
    {
        HttpJson admin(server.baseUrl());
        if (admin.login(QStringLiteral("admin"), password).status != 200)
            return fail(QStringLiteral("admin cannot log in"));
        const auto branches
            = admin.get(QStringLiteral("/api/v1/branches")).json.value(QStringLiteral("branches")).toArray();
        for (const QJsonValue &b : branches)
            branchIds.insert(b[QStringLiteral("code")].toString(), b[QStringLiteral("id")].toString());
        const QList<QStringList> newBranches
            = {{QStringLiteral("SH01"), QStringLiteral("上海分行营业部"), QStringLiteral("HO")},
                {QStringLiteral("SZ02"), QStringLiteral("深圳南山支行"), QStringLiteral("HO")},
                {QStringLiteral("SH07"), QStringLiteral("上海陆家嘴支行"), QStringLiteral("SH01")}};
        for (const QStringList &b : newBranches) {
            const HttpResponse r = admin.post(QStringLiteral("/api/v1/branches"),
                {{QStringLiteral("code"), b[0]}, {QStringLiteral("name"), b[1]}, {QStringLiteral("parent"), b[2]}});
            if (r.status != 201)
                return fail(QStringLiteral("branch %1: %2").arg(b[0], QString::fromUtf8(r.body)));
            branchIds.insert(b[0], r.json[QStringLiteral("id")].toString());
        }
        // login, roles, branch, unit
        const QList<QStringList> people = {
            {QStringLiteral("reception"), QStringLiteral("reception"), QStringLiteral("SH01"), {}},
            {QStringLiteral("handler"), QStringLiteral("handler"), QStringLiteral("SH01"),
                QStringLiteral("branch_office")},
            {QStringLiteral("supervisor"), QStringLiteral("supervisor"), QStringLiteral("SH01"), {}},
            {QStringLiteral("manager"), QStringLiteral("manager"), QStringLiteral("HO"), {}},
            {QStringLiteral("auditor"), QStringLiteral("auditor"), QStringLiteral("HO"), {}},
            {QStringLiteral("product"), QStringLiteral("handler"), QStringLiteral("HO"),
                QStringLiteral("product_management")},
            {QStringLiteral("sz.reception"), QStringLiteral("reception"), QStringLiteral("SZ02"), {}},
            {QStringLiteral("sz.supervisor"), QStringLiteral("supervisor"), QStringLiteral("SZ02"), {}},
            {QStringLiteral("sh07.reception"), QStringLiteral("reception"), QStringLiteral("SH07"), {}},
        };
        for (const QStringList &p : people) {
            QJsonObject body {{QStringLiteral("login"), p[0]}, {QStringLiteral("name"), p[0]},
                {QStringLiteral("roles"), QJsonArray::fromStringList(p[1].split(QLatin1Char(',')))},
                {QStringLiteral("branch"), p[2]}, {QStringLiteral("password"), password}};
            if (!p[3].isEmpty())
                body.insert(QStringLiteral("unit"), p[3]);
            const HttpResponse r = admin.post(QStringLiteral("/api/v1/users"), body);
            if (r.status != 201)
                return fail(QStringLiteral("user %1: %2").arg(p[0], QString::fromUtf8(r.body)));
            userIds.insert(p[0], r.json[QStringLiteral("id")].toString());
        }
        userIds.insert(QStringLiteral("admin"),
            admin.login(QStringLiteral("admin"), password)
                .json[QStringLiteral("user")]
                .toObject()[QStringLiteral("id")]
                .toString());
        return true;
    }

    // A client logged in as `login` (fails the test if it cannot log in).
    std::unique_ptr<HttpJson> as(const QString &login, const QString &device = {})
    {
        auto client = std::make_unique<HttpJson>(server.baseUrl());
        const HttpResponse r = client->login(login, password, device);
        if (r.status != 200)
            qWarning("login %s failed: %s", qPrintable(login), r.body.constData());
        return client;
    }

    static QJsonObject walkIn(const QString &phone = QStringLiteral("13812345678"))
    {
        return {{QStringLiteral("channel"), QStringLiteral("walk_in")},
            {QStringLiteral("category"), QStringLiteral("work_error")},
            {QStringLiteral("complainant"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("陈敏")}, {QStringLiteral("phone"), phone}}},
            {QStringLiteral("summary"), QStringLiteral("转账被收取25元手续费，柜员此前告知免费")},
            {QStringLiteral("demand"), QStringLiteral("退还手续费")}, {QStringLiteral("amount"), 25}};
    }

    // Creates a walk-in at the caller's branch and returns its JSON (empty on failure, with a warning).
    static QJsonObject createCase(HttpJson &client, const QJsonObject &input = walkIn())
    {
        const HttpResponse r = client.post(QStringLiteral("/api/v1/cases"), input);
        if (r.status != 201) {
            qWarning("create failed: %d %s", r.status, r.body.constData());
            return {};
        }
        return r.json;
    }

    QTemporaryDir directory;
    ServerProcess server;
    QString password = QStringLiteral("Test-password-2026");
    QMap<QString, QString> branchIds; // code → id
    QMap<QString, QString> userIds; // login → id
    QString error;

private:
    bool fail(const QString &message)
    {
        error = message;
        qWarning("%s", qPrintable(message));
        return false;
    }
};

} // namespace casedesk::testing
