// GET /api/v1/reports/monthly of the real server (DESIGN §5, BRIEF §8): the figures of the cases logged
// through the API, the reader's scope, every format (the PDF's text through pdftotext, the XLSX's sheet
// XML through unzip, the CSV's BOM), and the mistakes a client can make (4xx with a JSON error).
#include "ServerTestBank.h"

#include <QProcess>
#include <QTemporaryFile>

using namespace casedesk::testing;

class TestServerReports : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerTestBank> bank;

    using Items = QList<QPair<QString, QString>>;

    static QUrlQuery query(const Items &items)
    {
        QUrlQuery q;
        q.setQueryItems(items);
        return q;
    }

    HttpResponse report(const QString &login, const Items &items)
    {
        auto client = bank->as(login);
        client->setLanguage("zh-CN,zh;q=0.9"); // QNetworkAccessManager would otherwise ask for English
        return client->get(QStringLiteral("/api/v1/reports/monthly"), query(items));
    }

    static qint64 received(const HttpResponse &r)
    {
        return r.json[QStringLiteral("figures")][QStringLiteral("current")][QStringLiteral("received")].toInteger(-1);
    }

    // Runs a tool on the bytes written to a temporary file; its stdout.
    static QByteArray through(const QString &program, QStringList args, const QByteArray &bytes)
    {
        QTemporaryFile file;
        if (!file.open())
            return {};
        file.write(bytes);
        file.flush();
        args.replaceInStrings(QStringLiteral("{}"), file.fileName());
        QProcess tool;
        tool.start(program, args);
        if (!tool.waitForFinished(60000) || tool.exitCode() != 0)
            qWarning("%s failed: %s", qPrintable(program), tool.readAllStandardError().constData());
        return tool.readAllStandardOutput();
    }

private slots:
    void initTestCase()
    {
        bank = std::make_unique<ServerTestBank>();
        QVERIFY2(bank->setUp(), qPrintable(bank->error));
        // November 2026: three walk-ins at SH01, one at its sub-branch SH07, one at SZ02.
        auto reception = bank->as(QStringLiteral("reception"));
        for (const QString &phone :
            {QStringLiteral("13800000001"), QStringLiteral("13800000002"), QStringLiteral("13800000003")})
            QVERIFY(!ServerTestBank::createCase(*reception, ServerTestBank::walkIn(phone)).isEmpty());
        QVERIFY(!ServerTestBank::createCase(*bank->as(QStringLiteral("sh07.reception"))).isEmpty());
        QVERIFY(!ServerTestBank::createCase(*bank->as(QStringLiteral("sz.reception"))).isEmpty());
    }

    void cleanupTestCase() { bank.reset(); }

    void jsonCountsTheBranchSubtree()
    {
        const HttpResponse all
            = report(QStringLiteral("manager"), {{QStringLiteral("month"), QStringLiteral("2026-11")}});
        QCOMPARE(all.status, 200);
        QCOMPARE(all.header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(all.json[QStringLiteral("month")].toString(), QStringLiteral("2026-11"));
        QCOMPARE(received(all), 5);
        // The month is still running on the pinned clock (24 November), so it says it is partial.
        QCOMPARE(all.json[QStringLiteral("partial")].toBool(), true);
        const HttpResponse sh01 = report(QStringLiteral("manager"),
            {{QStringLiteral("month"), QStringLiteral("2026-11")}, {QStringLiteral("branch"), QStringLiteral("SH01")}});
        QCOMPARE(received(sh01), 4);
        const HttpResponse byId = report(QStringLiteral("manager"),
            {{QStringLiteral("month"), QStringLiteral("2026-11")},
                {QStringLiteral("branch"), bank->branchIds.value(QStringLiteral("SZ02"))}});
        QCOMPARE(received(byId), 1);
        const HttpResponse october
            = report(QStringLiteral("auditor"), {{QStringLiteral("month"), QStringLiteral("2026-10")}});
        QCOMPARE(october.status, 200);
        QCOMPARE(received(october), 0);
    }

    void readersSeeOnlyTheirScope()
    {
        // A supervisor at SH01: their own subtree by default, another branch is "not found".
        const HttpResponse own
            = report(QStringLiteral("supervisor"), {{QStringLiteral("month"), QStringLiteral("2026-11")}});
        QCOMPARE(own.status, 200);
        QCOMPARE(received(own), 4);
        const HttpResponse other = report(QStringLiteral("supervisor"),
            {{QStringLiteral("month"), QStringLiteral("2026-11")}, {QStringLiteral("branch"), QStringLiteral("SZ02")}});
        QCOMPARE(other.status, 404);
        QCOMPARE(other.errorCode(), QStringLiteral("not_found"));
        for (const QString &login : {QStringLiteral("reception"), QStringLiteral("handler")}) {
            const HttpResponse denied = report(login, {{QStringLiteral("month"), QStringLiteral("2026-11")}});
            QCOMPARE(denied.status, 403);
            QCOMPARE(denied.errorCode(), QStringLiteral("forbidden"));
        }
        HttpJson anonymous(bank->server.baseUrl());
        QCOMPARE(anonymous
                     .get(QStringLiteral("/api/v1/reports/monthly"),
                         query({{QStringLiteral("month"), QStringLiteral("2026-11")}}))
                     .status,
            401);
    }

    void clientMistakesAreFourHundreds_data()
    {
        QTest::addColumn<Items>("items");
        QTest::addColumn<int>("status");
        const QString month = QStringLiteral("month");
        QTest::newRow("no month") << Items {} << 422;
        QTest::newRow("month 13") << Items {{month, QStringLiteral("2026-13")}} << 422;
        QTest::newRow("not a month") << Items {{month, QStringLiteral("November")}} << 422;
        QTest::newRow("future month") << Items {{month, QStringLiteral("2027-03")}} << 422;
        QTest::newRow("format doc") << Items {{month, QStringLiteral("2026-11")},
            {QStringLiteral("format"), QStringLiteral("doc")}}
                                    << 422;
        QTest::newRow("language fr") << Items {{month, QStringLiteral("2026-11")},
            {QStringLiteral("language"), QStringLiteral("fr")}}
                                     << 422;
        QTest::newRow("unknown parameter")
            << Items {{month, QStringLiteral("2026-11")}, {QStringLiteral("brnch"), QStringLiteral("SH01")}} << 422;
        QTest::newRow("no such branch") << Items {{month, QStringLiteral("2026-11")},
            {QStringLiteral("branch"), QStringLiteral("XX99")}}
                                        << 404;
    }

    void clientMistakesAreFourHundreds()
    {
        QFETCH(Items, items);
        QFETCH(int, status);
        const HttpResponse r = report(QStringLiteral("manager"), items);
        QCOMPARE(r.status, status);
        QVERIFY2(!r.errorCode().isEmpty(), r.body.constData());
        QVERIFY(!r.json[QStringLiteral("error")][QStringLiteral("message")].toString().isEmpty());
    }

    void pdfHasTheChineseHeadingsAndFigures()
    {
        const HttpResponse pdf = report(QStringLiteral("manager"),
            {{QStringLiteral("month"), QStringLiteral("2026-11")}, {QStringLiteral("format"), QStringLiteral("pdf")}});
        QCOMPARE(pdf.status, 200);
        QCOMPARE(pdf.header("content-type"), QByteArrayLiteral("application/pdf"));
        QVERIFY(pdf.header("content-disposition").startsWith("attachment;"));
        QVERIFY(pdf.body.startsWith("%PDF"));
        const QString text = QString::fromUtf8(through(QStringLiteral("pdftotext"),
            {QStringLiteral("-layout"), QStringLiteral("{}"), QStringLiteral("-")}, pdf.body));
        QVERIFY2(text.contains(QStringLiteral("月度报告")), qPrintable(text.left(400)));
        QVERIFY(text.contains(QStringLiteral("2026年11月")));
        QVERIFY(text.contains(QStringLiteral("受理")));

        const HttpResponse english = report(QStringLiteral("manager"),
            {{QStringLiteral("month"), QStringLiteral("2026-11")}, {QStringLiteral("format"), QStringLiteral("pdf")},
                {QStringLiteral("language"), QStringLiteral("en")}});
        QCOMPARE(english.status, 200);
        const QString englishText = QString::fromUtf8(
            through(QStringLiteral("pdftotext"), {QStringLiteral("{}"), QStringLiteral("-")}, english.body));
        QVERIFY2(englishText.contains(QStringLiteral("November 2026")), qPrintable(englishText.left(400)));
    }

    void xlsxAndCsvCarryTheSameFigures()
    {
        const Items base = {
            {QStringLiteral("month"), QStringLiteral("2026-11")}, {QStringLiteral("branch"), QStringLiteral("SH01")}};
        const HttpResponse xlsx
            = report(QStringLiteral("manager"), base + Items {{QStringLiteral("format"), QStringLiteral("xlsx")}});
        QCOMPARE(xlsx.status, 200);
        QVERIFY(xlsx.header("content-type").contains("spreadsheetml"));
        QVERIFY(xlsx.body.startsWith("PK"));
        const QByteArray workbook = through(QStringLiteral("unzip"),
            {QStringLiteral("-p"), QStringLiteral("{}"), QStringLiteral("xl/workbook.xml")}, xlsx.body);
        QVERIFY2(workbook.contains("<sheet "), workbook.constData());

        const HttpResponse csv
            = report(QStringLiteral("manager"), base + Items {{QStringLiteral("format"), QStringLiteral("csv")}});
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("content-type").startsWith("text/csv"));
        QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(csv.body).contains(QStringLiteral("SH01")));
    }
};

QTEST_GUILESS_MAIN(TestServerReports)
#include "test_server_reports.moc"
