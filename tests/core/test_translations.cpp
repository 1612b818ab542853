#include "base/LanguageTranslators.h"
#include "domain/CaseStatus.h"
#include "domain/Role.h"
#include "validation/ChineseIdNumber.h"
#include "workflow/WorkflowNames.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace casedesk;
using namespace Qt::StringLiterals;

namespace {

// One <message> of a .ts file, as lupdate writes it.
struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString translationType; // "", "unfinished", "vanished", "obsolete"
    QStringList forms; // the translation, or its numerus forms
};

QList<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            messages.append(message);
        } else if (name == QLatin1String("source")) {
            messages.last().source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            messages.last().translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (!messages.last().numerus)
                messages.last().forms.append(xml.readElementText());
        } else if (name == QLatin1String("numerusform")) {
            messages.last().forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QString tsFile(const QString &language)
{
    return qEnvironmentVariable("CASEDESK_SOURCE_DIR") + QStringLiteral("/translations/casedesk_%1.ts").arg(language);
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(n|L?\\d+)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured(1));
    return found;
}

} // namespace

// The catalogues under translations/ (issue 4): compiled into the core under :/i18n/, installed by
// LanguageTranslators, complete for Simplified Chinese, and English carrying its plural forms.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cataloguesAreCompiledIn_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : LanguageTranslators::languages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void cataloguesAreCompiledIn()
    {
        QFETCH(QString, language);
        QVERIFY2(QFile::exists(LanguageTranslators::catalogue(language)),
            qPrintable(LanguageTranslators::catalogue(language)));
        auto installed = LanguageTranslators::install(language);
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.error().message));
        QCOMPARE((*installed)->language(), language);
    }

    void chineseTranslatesMessages_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("chinese");
        // A UI label and a menu entry with its accelerator (Q_OBJECT classes: namespaced contexts).
        QTest::newRow("ui label") << u"casedesk::CaseTableModel"_s << u"Case number"_s << u"案件编号"_s;
        QTest::newRow("menu entry") << u"casedesk::MainWindow"_s << u"&New complaint…"_s << u"新建投诉(&N)…"_s;
        // Core messages (Q_DECLARE_TR_FUNCTIONS contexts), placeholders kept.
        QTest::newRow("core error") << u"CaseService"_s << u"Case number %1 is already in use."_s
                                    << u"案件编号 %1 已被使用。"_s;
        QTest::newRow("role") << u"WorkflowNames"_s << u"Supervisor"_s << u"投诉管理岗"_s;
    }

    void chineseTranslatesMessages()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, chinese);
        auto installed = LanguageTranslators::install(QStringLiteral("zh_CN"));
        QVERIFY(installed.ok());
        QCOMPARE(QCoreApplication::translate(qPrintable(context), qPrintable(source)), chinese);
    }

    void chineseReachesTheCallers()
    {
        {
            auto installed = LanguageTranslators::install(QStringLiteral("zh_CN"));
            QVERIFY(installed.ok());
            QCOMPARE(WorkflowNames::status(CaseStatus::InProgress), u"处理中"_s);
            QCOMPARE(WorkflowNames::status(CaseStatus::Withdrawn), u"已撤诉"_s);
            QCOMPARE(WorkflowNames::role(Role::Manager), u"分管领导"_s);
            // A validation error with a plural placeholder.
            const auto refused = ChineseIdNumber::normalise(QStringLiteral("11010519491231"));
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().message, u"居民身份证号码为 18 位；此号码为 14 位。"_s);
        }
        // Removing the translators brings the English source texts back.
        QCOMPARE(WorkflowNames::status(CaseStatus::InProgress), u"In progress"_s);
    }

    void englishHasPluralForms_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("english");
        const QString cases = QStringLiteral("%n case(s)");
        QTest::newRow("1 case") << u"casedesk::CaseQueueView"_s << cases << 1 << u"1 case"_s;
        QTest::newRow("2 cases") << u"casedesk::CaseQueueView"_s << cases << 2 << u"2 cases"_s;
        QTest::newRow("0 cases") << u"casedesk::CaseQueueView"_s << cases << 0 << u"0 cases"_s;
        const QString days = QStringLiteral("within %n working day(s) of dispatch");
        QTest::newRow("1 day") << u"casedesk::IntakeForm"_s << days << 1 << u"within 1 working day of dispatch"_s;
        QTest::newRow("3 days") << u"casedesk::IntakeForm"_s << days << 3 << u"within 3 working days of dispatch"_s;
        const QString attempts
            = QStringLiteral("Follow-up visit closed: the customer could not be reached in %n attempt(s).");
        QTest::newRow("1 attempt") << u"VisitOutcome"_s << attempts << 1
                                   << u"Follow-up visit closed: the customer could not be reached in 1 attempt."_s;
    }

    void englishHasPluralForms()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(int, n);
        QFETCH(QString, english);
        auto installed = LanguageTranslators::install(QStringLiteral("en"));
        QVERIFY(installed.ok());
        QCOMPARE(QCoreApplication::translate(qPrintable(context), qPrintable(source), nullptr, n), english);
    }

    void unknownLanguageIsRefused()
    {
        auto installed = LanguageTranslators::install(QStringLiteral("fr"));
        QVERIFY(!installed.ok());
        QCOMPARE(installed.error().code, u"unknown_language"_s);
    }

    // Every Chinese entry is finished, keeps its placeholders and has one plural form; nothing vanished
    // or obsolete is carried along.
    void chineseCatalogueIsComplete()
    {
        const QList<TsMessage> messages = readTs(tsFile(QStringLiteral("zh_CN")));
        QVERIFY(messages.size() > 500);
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.translationType.isEmpty(), qPrintable(m.translationType + QStringLiteral(" — ") + where));
            QCOMPARE(m.forms.size(), 1);
            QVERIFY2(!m.forms.first().isEmpty(), qPrintable(where));
            QVERIFY2(placeholders(m.forms.first()) == placeholders(m.source), qPrintable(where));
            if (m.source.contains(QRegularExpression(QStringLiteral("&[^&\\s]"))))
                QVERIFY2(m.forms.first().contains(QLatin1Char('&')), qPrintable(where));
        }
    }

    // English is the source language: only the plural entries are translated, each with both forms.
    void englishCatalogueHasEveryPlural()
    {
        const QList<TsMessage> english = readTs(tsFile(QStringLiteral("en")));
        const QList<TsMessage> chinese = readTs(tsFile(QStringLiteral("zh_CN")));
        QCOMPARE(english.size(), chinese.size()); // both were refreshed together
        int plurals = 0;
        for (const TsMessage &m : english) {
            QVERIFY(m.translationType != QLatin1String("vanished") && m.translationType != QLatin1String("obsolete"));
            if (!m.numerus)
                continue;
            ++plurals;
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.translationType.isEmpty(), qPrintable(where));
            QCOMPARE(m.forms.size(), 2);
            for (const QString &form : m.forms) {
                QVERIFY2(form.contains(QLatin1String("%n")), qPrintable(where));
                QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(where));
            }
        }
        QVERIFY(plurals > 0);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
