#include "fixtures/ReportFixture.h"
#include "report/AcknowledgementSlipDocument.h"
#include "report/CsvExport.h"
#include "report/KpiDefinitions.h"
#include "report/MonthlyReportDocument.h"
#include "report/MonthlyReportTables.h"
#include "report/SupervisionReplyDocument.h"
#include "report/XlsxExport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace casedesk;
using namespace casedesk::testing;
using namespace Qt::StringLiterals;

// The printed and exported forms of the monthly report and the case documents, checked from outside:
// pdftotext must find the Chinese headings and the figures (so the CJK font is really embedded), the
// XLSX cells read back from the sheet XML must equal the JSON, the CSV must start with a BOM.
// Set CASEDESK_KEEP_DOCUMENTS=<dir> to keep the rendered files for a look (pdftoppm -png -r 60).
class TestReportDocuments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ReportFixture> f;
    MonthlyReport march;
    QTemporaryDir dir;

    template<typename T>
    static QString failure(const Result<T> &result)
    {
        return result ? QString() : result.error().code + QLatin1String(": ") + result.error().message;
    }

    QString save(const QString &name, const QByteArray &bytes)
    {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(bytes);
        file.close();
        const QString keep = qEnvironmentVariable("CASEDESK_KEEP_DOCUMENTS");
        if (!keep.isEmpty()) {
            QDir().mkpath(keep);
            QFile::remove(QDir(keep).filePath(name));
            QFile::copy(path, QDir(keep).filePath(name));
        }
        return path;
    }

    // Runs a poppler/unzip tool; an absent tool skips the test with the reason (never silently).
    static QByteArray run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            qWarning() << program << arguments << process.readAllStandardError();
        return process.readAllStandardOutput();
    }

    static QString compact(QString text) { return text.remove(QRegularExpression(u"\\s"_s)); }

    static bool have(const QString &program) { return !QStandardPaths::findExecutable(program).isEmpty(); }

    QString pdfText(const QString &path, int first = 0, int last = 0)
    {
        QStringList arguments;
        if (first > 0)
            arguments << u"-f"_s << QString::number(first) << u"-l"_s << QString::number(last);
        arguments << path << u"-"_s;
        return QString::fromUtf8(run(u"pdftotext"_s, arguments));
    }

    static int pageCount(const QString &path)
    {
        const QString info = QString::fromUtf8(run(u"pdfinfo"_s, {path}));
        const auto match = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

    // The values of one row of a sheet, by column letter, as written in the sheet XML (<c r="B3"><v>9</v></c>).
    static QMap<QString, QString> sheetRow(const QString &xml, int row)
    {
        QMap<QString, QString> cells;
        static const QRegularExpression cell(
            u"<c r=\"([A-Z]+)(\\d+)\"[^>]*?(?:/>|>(?:<f>[^<]*</f>)?<v>([^<]*)</v></c>)"_s);
        for (auto it = cell.globalMatch(xml); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(2).toInt() == row)
                cells.insert(m.captured(1), m.captured(3));
        }
        return cells;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        f = std::make_unique<ReportFixture>();
        auto report = f->engine().compute(ReportMonth(2026, 3), {}, f->access(f->manager));
        QVERIFY2(report, qPrintable(failure(report)));
        march = *report;
        if (!have(u"pdftotext"_s) || !have(u"pdfinfo"_s))
            QSKIP("poppler-utils (pdftotext, pdfinfo) are not installed; install poppler-utils to check PDFs");
    }

    void pdfInChineseShowsHeadingsAndFigures()
    {
        auto pdf = MonthlyReportDocument::render(march, u"pdf"_s);
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        QCOMPARE(pdf->mimeType, u"application/pdf"_s);
        QVERIFY(pdf->bytes.startsWith("%PDF"));
        const QString path = save(u"monthly-zh.pdf"_s, pdf->bytes);
        const QString text = pdfText(path);
        for (const QString &expected : {u"客户投诉处理月度报告"_s, u"总行"_s, u"2026年3月"_s, u"编制人"_s, u"manager"_s,
                 u"一、主要指标"_s, u"二、12个月趋势"_s, u"三、投诉分布"_s, u"监管分类A：投诉渠道"_s,
                 u"监管分类C：投诉原因"_s, u"五、主要投诉原因"_s, u"六、经办人情况"_s, u"重复投诉"_s, u"升级处理案件"_s,
                 u"整改措施"_s, u"附录：指标口径"_s, u"及时率"_s, u"满意率"_s, u"重复率"_s, u"审核"_s, u"审批"_s,
                 // the figures of the hand-computed month
                 u"本月共受理投诉9件"_s, u"环比上升125.0%"_s, u"同比上升350.0%"_s, u"60.0%"_s, u"66.7%"_s, u"22.2%"_s,
                 u"4.40"_s, u"-40.0 个百分点"_s, u"+0.73 天"_s, u"上海分行营业部"_s, f->cases[u"M5"_s].number,
                 u"客户称将向媒体反映"_s, u"CA2"_s, u"预警"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        // The cover has no running footer; page 2 is numbered 1 (pdftotext drops the spaces between CJK text).
        QVERIFY(!compact(pdfText(path, 1, 1)).contains(u"第1页"_s));
        QVERIFY(compact(pdfText(path, 2, 2)).contains(u"第1页/共%1页"_s.arg(pageCount(path) - 1)));
    }

    void pdfEmbedsTheCjkFontAndDrawsChartsAsVectors()
    {
        auto pdf = MonthlyReportDocument::render(march, u"pdf"_s);
        QVERIFY(pdf);
        const QString path = save(u"monthly-fonts.pdf"_s, pdf->bytes);
        if (!have(u"pdffonts"_s) || !have(u"pdfimages"_s))
            QSKIP("pdffonts/pdfimages (poppler-utils) are not installed");
        const QStringList fonts = QString::fromUtf8(run(u"pdffonts"_s, {path})).split(u'\n').mid(2);
        QVERIFY(!fonts.isEmpty());
        bool cjk = false;
        for (const QString &line : fonts) {
            if (line.trimmed().isEmpty())
                continue;
            // columns: name type encoding emb sub uni object ID
            const QStringList columns = line.simplified().split(u' ');
            QVERIFY2(columns.size() >= 7 && columns.at(columns.size() - 5) == u"yes"_s, qPrintable(line));
            cjk = cjk || line.contains(u"WenQuanYi"_s, Qt::CaseInsensitive) || line.contains(u"CJK"_s)
                || line.contains(u"Hei"_s);
        }
        QVERIFY2(cjk, qPrintable(fonts.join(u'\n')));
        // Charts are paths and text, not pictures: the PDF holds no raster image at all.
        const QStringList images = QString::fromUtf8(run(u"pdfimages"_s, {u"-list"_s, path})).split(u'\n');
        QCOMPARE(images.mid(2).join(QString()).trimmed(), QString());
    }

    void pdfInEnglish()
    {
        auto pdf = MonthlyReportDocument::render(march, u"pdf"_s, u"en"_s);
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        const QString text = pdfText(save(u"monthly-en.pdf"_s, pdf->bytes));
        for (const QString &expected : {u"Monthly Complaint Handling Report"_s, u"March 2026"_s, u"1. Key figures"_s,
                 u"On-time rate"_s, u"60.0%"_s, u"-40.0 pp"_s, u"Regulator axis B: business category"_s,
                 u"Appendix: definitions"_s, u"Approved by"_s, u"Page 1 of"_s, u"received 9 complaints"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        // Branch names are data and stay as entered.
        QVERIFY(text.contains(u"上海分行营业部"_s));
    }

    void emptyMonthPrints()
    {
        auto report = f->engine().compute(ReportMonth(2025, 10), {}, f->access(f->manager));
        QVERIFY(report);
        auto pdf = MonthlyReportDocument::render(*report, u"pdf"_s);
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        const QString text = pdfText(save(u"monthly-empty.pdf"_s, pdf->bytes));
        QVERIFY(text.contains(u"本月共受理投诉0件"_s));
        QVERIFY(text.contains(u"本月无重复投诉。"_s));
        QVERIFY(text.contains(u"本月无预警。"_s));
    }

    void runningMonthCarriesANotice()
    {
        ReportFixture running;
        running.clock.set(ReportFixture::cst(2026, 3, 20, 12, 0));
        auto report = running.engine().compute(ReportMonth(2026, 3), {}, running.access(running.manager));
        QVERIFY(report);
        auto pdf = MonthlyReportDocument::render(*report, u"pdf"_s);
        QVERIFY(pdf);
        QVERIFY(
            pdfText(save(u"monthly-partial.pdf"_s, pdf->bytes)).contains(u"本月尚未结束：数据截至 2026-03-20 12:00"_s));
    }

    // A long table continues on the next pages with its caption marked "continued" and its header row again.
    void tablesBreakAcrossPagesWithRepeatedHeaders()
    {
        PrintDocument doc;
        doc.setRunning({u"左"_s, u"右"_s, u"页脚"_s, u"第 %1 页 / 共 %2 页"_s});
        doc.addHeading(u"长表"_s);
        PrintTable table;
        table.caption = u"投诉清单"_s;
        table.continued = u"（续）"_s;
        table.columns = {{u"序号"_s, 1, Qt::AlignRight}, {u"投诉编号"_s, 3, Qt::AlignLeft}};
        for (int i = 1; i <= 150; ++i)
            table.rows.append({{QString::number(i), u"SH01-20260301-A%1"_s.arg(i, 4, 10, QLatin1Char('0'))}});
        doc.addTable(table);
        auto pdf = doc.toPdf();
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        const QString path = save(u"long-table.pdf"_s, *pdf);
        const int pages = pageCount(path);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        QVERIFY(!pdfText(path, 1, 1).contains(u"投诉清单（续）"_s));
        for (int page = 2; page <= pages; ++page) {
            const QString text = pdfText(path, page, page);
            QVERIFY2(text.contains(u"投诉清单（续）"_s), qPrintable(QString::number(page)));
            QVERIFY2(text.contains(u"投诉编号"_s), qPrintable(QString::number(page)));
            QVERIFY(compact(text).contains(u"第%1页/共%2页"_s.arg(page).arg(pages)));
        }
        // Every row is printed exactly once.
        const QString all = pdfText(path);
        QCOMPARE(all.count(u"SH01-20260301-A0001"_s), 1);
        QCOMPARE(all.count(u"SH01-20260301-A0150"_s), 1);
    }

    // QPrintPreviewDialog hands the document a QPrinter; the same painting must work there.
    void printsThroughQPrinter()
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.filePath(u"printer.pdf"_s));
        auto pages = MonthlyReportDocument(march).printDocument().print(printer);
        QVERIFY2(pages, qPrintable(failure(pages)));
        QVERIFY(*pages >= 6);
        QCOMPARE(pageCount(dir.filePath(u"printer.pdf"_s)), *pages);
        QVERIFY(pdfText(dir.filePath(u"printer.pdf"_s)).contains(u"一、主要指标"_s));
    }

    // The KPI sheet read back from the XLSX equals the JSON, number for number.
    void xlsxFiguresEqualTheJson()
    {
        if (!have(u"unzip"_s))
            QSKIP("unzip is not installed; it is needed to read the XLSX back");
        auto xlsx = MonthlyReportDocument::render(march, u"xlsx"_s);
        QVERIFY2(xlsx, qPrintable(failure(xlsx)));
        QCOMPARE(xlsx->mimeType, u"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_s);
        const QString path = save(u"monthly.xlsx"_s, xlsx->bytes);
        const QString listing = QString::fromUtf8(run(u"unzip"_s, {u"-l"_s, path}));
        const qsizetype sheets = listing.count(QRegularExpression(u"xl/worksheets/sheet\\d+\\.xml"_s));
        QCOMPARE(sheets, MonthlyReportTables(march, u"zh_CN"_s).all().size());

        const QString kpiSheet = QString::fromUtf8(run(u"unzip"_s, {u"-p"_s, path, u"xl/worksheets/sheet1.xml"_s}));
        QVERIFY(kpiSheet.contains(u"ySplit=\"2\""_s)); // title and header rows frozen
        const QJsonArray kpis = march.toJson().value(u"kpis"_s).toArray();
        // Row 1 is the title, row 2 the header, the KPIs follow in order: B current, C previous, D mom, E last year, F
        // yoy.
        for (qsizetype i = 0; i < kpis.size(); ++i) {
            const QJsonObject kpi = kpis.at(i).toObject();
            const QMap<QString, QString> row = sheetRow(kpiSheet, int(i) + 3);
            const QList<std::pair<QString, QString>> columns = {{u"B"_s, u"current"_s}, {u"C"_s, u"previous"_s},
                {u"D"_s, u"mom"_s}, {u"E"_s, u"last_year"_s}, {u"F"_s, u"yoy"_s}};
            for (const auto &[letter, key] : columns) {
                const QJsonValue expected = kpi.value(key);
                const QString actual = row.value(letter);
                const QString where = kpi.value(u"code"_s).toString() + u'.' + key + u" = "_s + actual;
                if (expected.isNull()) {
                    QVERIFY2(actual.isEmpty(), qPrintable(where));
                } else {
                    bool ok = false;
                    QVERIFY2(std::abs(actual.toDouble(&ok) - expected.toDouble()) < 1e-12 && ok, qPrintable(where));
                }
            }
        }
        QCOMPARE(sheetRow(kpiSheet, 3).value(u"B"_s), u"9"_s); // received

        // Dates are Excel dates: M3's receipt (5 March 2026, 10:00 in Shanghai) in the repeats sheet.
        const QList<ReportTable> tables = MonthlyReportTables(march, u"zh_CN"_s).all();
        qsizetype repeats = -1;
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (tables.at(i).id == u"repeats"_s)
                repeats = i;
        }
        QVERIFY(repeats >= 0);
        const QString repeatSheet
            = QString::fromUtf8(run(u"unzip"_s, {u"-p"_s, path, u"xl/worksheets/sheet%1.xml"_s.arg(repeats + 1)}));
        const double serial = double(QDate(1899, 12, 30).daysTo(QDate(2026, 3, 5))) + 10.0 / 24;
        QVERIFY2(std::abs(sheetRow(repeatSheet, 3).value(u"C"_s).toDouble() - serial) < 1e-6,
            qPrintable(sheetRow(repeatSheet, 3).value(u"C"_s)));
        // Chinese sheet names and text survive.
        const QString workbook = QString::fromUtf8(run(u"unzip"_s, {u"-p"_s, path, u"xl/workbook.xml"_s}));
        QVERIFY(workbook.contains(u"主要指标"_s));
        QVERIFY(QString::fromUtf8(run(u"unzip"_s, {u"-p"_s, path, u"xl/sharedStrings.xml"_s}))
                    .contains(u"上海分行营业部"_s));
    }

    void sheetNamesFollowExcelRules_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("taken");
        QTest::addColumn<QString>("name");
        QTest::newRow("colon") << u"Regulator axis A: channel"_s << QStringList() << u"Regulator axis A- channel"_s;
        QTest::newRow("chinese colon kept") << u"监管分类A：投诉渠道"_s << QStringList() << u"监管分类A：投诉渠道"_s;
        QTest::newRow("too long") << u"Appendix: definitions of every figure in the report"_s << QStringList()
                                  << u"Appendix- definitions of every"_s;
        QTest::newRow("taken") << u"Trend"_s << QStringList {u"trend"_s} << u"Trend (2)"_s;
        QTest::newRow("empty") << u" "_s << QStringList() << u"Sheet"_s;
    }

    void sheetNamesFollowExcelRules()
    {
        QFETCH(QString, title);
        QFETCH(QStringList, taken);
        QFETCH(QString, name);
        QCOMPARE(XlsxExport::sheetName(title, taken), name);
        QVERIFY(name.size() <= 31);
    }

    void csvHasABomAndTheFigures()
    {
        auto csv = MonthlyReportDocument::render(march, u"csv"_s);
        QVERIFY2(csv, qPrintable(failure(csv)));
        QCOMPARE(csv->mimeType, u"text/csv; charset=utf-8"_s);
        QVERIFY(csv->bytes.startsWith("\xEF\xBB\xBF"));
        save(u"monthly.csv"_s, csv->bytes);
        const QStringList lines = QString::fromUtf8(csv->bytes.mid(3)).split(u"\r\n"_s);
        QCOMPARE(lines.first(), u"客户投诉处理月度报告"_s);
        // Values in their plain form, as in the JSON: the on-time rate row of the KPI section.
        QVERIFY2(lines.contains(u"及时率,0.6,1,-0.4,1,-0.4"_s), qPrintable(lines.mid(0, 20).join(u'\n')));
        QVERIFY(lines.contains(u"受理投诉量,9,4,1.25,2,3.5"_s));
        QVERIFY(lines.contains(u"延期次数,1,0,,0,"_s));
        // A value with a comma is quoted.
        QVERIFY(lines.contains(u"主要指标"_s));
    }

    void csvFields_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << u"上海分行营业部"_s << u"上海分行营业部"_s;
        QTest::newRow("comma") << u"退还手续费, 并致歉"_s << u"\"退还手续费, 并致歉\""_s;
        QTest::newRow("quote") << u"客户称\"免费\""_s << u"\"客户称\"\"免费\"\"\""_s;
        QTest::newRow("line break") << u"第一行\n第二行"_s << u"\"第一行\n第二行\""_s;
        QTest::newRow("leading space") << u" 1"_s << u"\" 1\""_s;
    }

    void csvFields()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(CsvExport::field(value), field);
    }

    void cellDisplay_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("zh");
        QTest::addColumn<QString>("plain");
        using T = ReportTable::Type;
        QTest::newRow("count") << int(T::Count) << QVariant(qint64(12345)) << u"12,345"_s << u"12345"_s;
        QTest::newRow("rate") << int(T::Rate) << QVariant(2.0 / 3) << u"66.7%"_s << u"0.6666666666666666"_s;
        QTest::newRow("no rate") << int(T::Rate) << QVariant() << u"—"_s << QString();
        QTest::newRow("relative up") << int(T::RelativeChange) << QVariant(1.25) << u"+125.0%"_s << u"1.25"_s;
        QTest::newRow("relative down") << int(T::RelativeChange) << QVariant(-0.5) << u"-50.0%"_s << u"-0.5"_s;
        QTest::newRow("points") << int(T::PointChange) << QVariant(-0.4) << u"-40.0 个百分点"_s << u"-0.4"_s;
        QTest::newRow("zero change") << int(T::PointChange) << QVariant(-0.00001) << u"0.0 个百分点"_s << u"-1e-05"_s;
        QTest::newRow("days") << int(T::Days) << QVariant(11.0 / 3) << u"3.67"_s << u"3.6666666666666665"_s;
        QTest::newRow("day change") << int(T::DayChange) << QVariant(2.4) << u"+2.40 天"_s << u"2.4"_s;
        QTest::newRow("date") << int(T::Date) << QVariant(QDate(2026, 3, 5)) << u"2026-03-05"_s << u"2026-03-05"_s;
    }

    void cellDisplay()
    {
        QFETCH(int, type);
        QFETCH(QVariant, value);
        QFETCH(QString, zh);
        QFETCH(QString, plain);
        const ReportTable::Cell cell {value, ReportTable::Type(type)};
        QCOMPARE(ReportTable::display(cell, u"zh_CN"), zh);
        QCOMPARE(ReportTable::plain(cell), plain);
    }

    void jsonFormat()
    {
        auto json = MonthlyReportDocument::render(march, u"json"_s);
        QVERIFY2(json, qPrintable(failure(json)));
        QCOMPARE(json->mimeType, u"application/json"_s);
        QCOMPARE(QJsonDocument::fromJson(json->bytes).object(), march.toJson());
        QCOMPARE(json->fileName, u"casedesk-monthly-HO-2026-03.json"_s);
        auto byDefault = MonthlyReportDocument::render(march, QString());
        QVERIFY(byDefault);
        QCOMPARE(byDefault->mimeType, u"application/json"_s);
    }

    void unknownFormatIsRefused()
    {
        auto docx = MonthlyReportDocument::render(march, u"docx"_s);
        QVERIFY(!docx);
        QCOMPARE(docx.error().code, u"invalid_format"_s);
        QCOMPARE(docx.error().details.value(u"field"_s).toString(), u"format"_s);
    }

    void supervisionReply()
    {
        Case c = f->cases[u"M6"_s];
        c.channel = Channel::ForwardedRegulator;
        c.forwarding = {u"国家金融监督管理总局上海监管局"_s, u"沪金管投〔2026〕118号"_s, QDate(2026, 4, 3)};
        const QDateTime printed = ReportFixture::cst(2026, 4, 3, 9, 0);
        SupervisionReplyDocument noReply(c, {}, f->sz02, f->rules);
        auto refused = noReply.printDocument(printed);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"no_supervision_reply"_s);

        CaseRecord reply;
        reply.kind = u"supervision_reply"_s;
        reply.createdAt = printed;
        reply.data = {{u"cause_and_verification"_s, u"经核实，贷款利率调整通知未按约定送达客户。"_s},
            {u"action_against_staff"_s, u"对客户经理进行通报批评。"_s},
            {u"lessons_and_measures"_s, u"完善利率调整通知流程，增加短信提醒。"_s},
            {u"customer_satisfaction"_s, u"basically_satisfied"_s}, {u"handling_time"_s, u"9个工作日"_s},
            {u"handler_name"_s, u"王芳"_s}, {u"handler_phone"_s, u"021-61234567"_s}};
        CaseRecord answer;
        answer.kind = u"reply"_s;
        answer.createdAt = printed.addDays(-1);
        answer.data = {{u"solution"_s, u"退还多收利息312.50元并致歉。"_s}};
        SupervisionReplyDocument document(c, {answer, reply}, f->sz02, f->rules);
        document.setOrganisation(u"示例银行股份有限公司"_s);
        auto pdf = document.toPdf(printed);
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        const QString text = pdfText(save(u"supervision-reply.pdf"_s, pdf->bytes));
        for (const QString &expected : {u"投诉转办（督办）事项处理情况回复单"_s, u"示例银行股份有限公司"_s,
                 u"沪金管投〔2026〕118号"_s, u"2026-04-03"_s, c.number, u"经核实，贷款利率调整通知未按约定送达客户。"_s,
                 u"对客户经理进行通报批评。"_s, u"完善利率调整通知流程"_s, u"基本满意"_s, u"王芳"_s, u"021-61234567"_s,
                 u"退还多收利息312.50元并致歉。"_s, u"138****0000"_s, u"部门负责人"_s, u"分管领导"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QVERIFY(!text.contains(u"13800000000"_s)); // the phone is masked on paper
    }

    void acknowledgementSlip()
    {
        Case c = f->cases[u"M4"_s];
        c.deadlines.resolveBy = QDate(2026, 3, 13);
        c.deadlines.statutoryBy = QDate(2026, 3, 25);
        AcknowledgementSlipDocument slip(c, f->sh01, f->rules);
        slip.setOrganisation(u"示例银行"_s);
        slip.setReceiverName(u"李娜"_s);
        auto pdf = slip.toPdf(ReportFixture::cst(2026, 3, 10, 9, 35));
        QVERIFY2(pdf, qPrintable(failure(pdf)));
        const QString text = pdfText(save(u"acknowledgement.pdf"_s, pdf->bytes));
        // work_error is a general category: 3 working days (time-limits.json), statutory 15 days.
        for (const QString &expected : {u"客户投诉受理回执"_s, u"示例银行 · 上海分行营业部"_s, c.number,
                 u"2026-03-10 09:30"_s, u"工作失误"_s, u"上门"_s, u"138****0000"_s, u"3个工作日内"_s, u"2026-03-13"_s,
                 u"2026-03-25"_s, u"15日"_s, u"李娜"_s, u"客户签收"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QVERIFY(!text.contains(u"13800000000"_s));

        AcknowledgementSlipDocument english(c, f->sh01, f->rules, u"en"_s);
        auto en = english.toPdf(ReportFixture::cst(2026, 3, 10, 9, 35));
        QVERIFY(en);
        const QString enText = pdfText(save(u"acknowledgement-en.pdf"_s, en->bytes));
        QVERIFY(enText.contains(u"Complaint acknowledgement"_s));
        QVERIFY(enText.contains(u"within 3 working days, by 2026-03-13"_s));
        QVERIFY(enText.contains(u"Work error"_s));
    }
};

QTEST_MAIN(TestReportDocuments)
#include "test_report_documents.moc"
