#include "base/JsonReader.h"
#include "domain/Case.h"
#include "rules/CaseFacts.h"
#include "rules/Condition.h"
#include "rules/RulePack.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace casedesk;
using namespace Qt::StringLiterals;

namespace {

// Facts given as {name: value}; the value's type must fit the fact's (bool, string or number).
CaseFacts makeFacts(const QVariantMap &values)
{
    CaseFacts facts;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const FactDefinition *fact = CaseFacts::definition(it.key());
        if (!fact)
            qFatal("test uses an unknown fact");
        switch (fact->type) {
        case FactType::Bool:
            facts.setBool(it.key(), it.value().toBool());
            break;
        case FactType::String:
            facts.setString(it.key(), it.value().toString());
            break;
        case FactType::Number:
            facts.setNumber(it.key(), it.value().toDouble());
            break;
        }
    }
    return facts;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON does not parse: %s", json.constData());
    return document.object();
}

QJsonObject shipped(const QString &fileName)
{
    QFile file(RulePack::builtInDirectory() + u'/' + fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("shipped rule file missing");
    return parseObject(file.readAll());
}

// Returns node with the value at path ("rules/0/when/fact") replaced; an undefined value removes it, an
// index one past the end of a list appends.
QJsonValue edited(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const int index = key.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else if (index == array.size())
            array.append(edited(QJsonValue(), path, value));
        else
            array[index] = edited(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object[key] = edited(object.value(key), path, value);
    return object;
}

QByteArray shippedWith(const QString &fileName, const QString &path, const QJsonValue &value)
{
    const QJsonValue changed = edited(shipped(fileName), path.split(u'/'), value);
    return QJsonDocument(changed.toObject()).toJson();
}

QJsonValue jsonValue(const QByteArray &json)
{
    return parseObject("{\"v\": " + json + "}").value(u"v"_s);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QStringList ruleIds(const QList<PriorityReason> &reasons)
{
    QStringList ids;
    for (const PriorityReason &reason : reasons)
        ids.append(reason.ruleId);
    return ids;
}

template<typename Entry>
QStringList codesOf(const QList<const Entry *> &entries)
{
    QStringList codes;
    for (const Entry *entry : entries)
        codes.append(entry->code);
    return codes;
}

} // namespace

class TestRules : public QObject
{
    Q_OBJECT

private:
    RulePack m_bank;
    RulePack m_securities;

    const RulePack &pack(const QString &profile) const { return profile == u"securities" ? m_securities : m_bank; }

private slots:
    void initTestCase()
    {
        auto bank = RulePack::load(QString(), u"bank"_s);
        QVERIFY2(bank.ok(), qPrintable(bank.ok() ? QString() : bank.error().message));
        m_bank = bank.value();
        auto securities = RulePack::load(QString(), u"securities"_s);
        QVERIFY2(securities.ok(), qPrintable(securities.ok() ? QString() : securities.error().message));
        m_securities = securities.value();
    }

    void shippedPacks()
    {
        QCOMPARE(m_bank.profile(), u"bank"_s);
        QCOMPARE(m_securities.profile(), u"securities"_s);
        QCOMPARE(RulePack::availableProfiles(), QStringList({u"bank"_s, u"securities"_s}));
        QVERIFY2(m_bank.warnings().isEmpty(), qPrintable(m_bank.warnings().join(u'\n')));
        QVERIFY(m_bank.overriddenFiles().isEmpty());
        QCOMPARE(m_bank.timeLimits().resolveWorkingDays(Complexity::Complex), 7);
        QCOMPARE(m_bank.taxonomy().categories().size(), 8);
        QCOMPARE(m_securities.taxonomy().categories().size(), 4);
        // The rules name financial_crime, a bank category: not an error for securities, but reported.
        const QStringList warnings = m_securities.warnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings.at(0).contains(u"priority-rules.json"_s));
        QVERIFY(warnings.at(0).contains(u"financial_crime"_s));
        QVERIFY(warnings.at(1).contains(u"routing-rules.json"_s));
        QVERIFY(warnings.at(1).contains(u"financial_crime_to_inspection"_s));
        QCOMPARE(RulePack::builtIn(u"securities"_s).taxonomy().profile(), u"securities"_s);
    }

    void priority_data()
    {
        QTest::addColumn<QVariantMap>("facts");
        QTest::addColumn<QString>("priority");
        QTest::addColumn<QStringList>("reasons");
        QTest::addColumn<QString>("firstReasonEn");

        // BRIEF §4, urgent
        QTest::newRow("funds safety") << QVariantMap {{u"funds_safety"_s, true}} << u"urgent"_s
                                      << QStringList {u"funds_safety"_s} << u"funds safety or trading risk involved"_s;
        QTest::newRow("financial crime") << QVariantMap {{u"category"_s, u"financial_crime"_s}} << u"urgent"_s
                                         << QStringList {u"financial_crime"_s} << u"financial crime report"_s;
        QTest::newRow("media") << QVariantMap {{u"channel"_s, u"media"_s}} << u"urgent"_s << QStringList {u"media"_s}
                               << u"media complaint"_s;
        QTest::newRow("regulator forwarded")
            << QVariantMap {{u"channel"_s, u"forwarded_regulator"_s}} << u"urgent"_s
            << QStringList {u"regulator_forwarded"_s} << u"forwarded by a regulator or government body"_s;
        QTest::newRow("group of two") << QVariantMap {{u"group_size"_s, 2}} << u"urgent"_s
                                      << QStringList {u"group_complaint"_s} << u"suspected group complaint"_s;
        QTest::newRow("threatens escalation")
            << QVariantMap {{u"threatens_escalation"_s, true}} << u"urgent"_s << QStringList {u"threatens_escalation"_s}
            << u"complainant threatens to go to the media or the regulator"_s;
        QTest::newRow("repeat of escalated case")
            << QVariantMap {{u"is_repeat"_s, true}, {u"repeat_of_escalated"_s, true}} << u"urgent"_s
            << QStringList {u"repeat_escalated"_s, u"repeat"_s}
            << u"repeat complaint of a case that was already escalated"_s;
        // BRIEF §4, high
        QTest::newRow("repeat") << QVariantMap {{u"is_repeat"_s, true}} << u"high"_s << QStringList {u"repeat"_s}
                                << u"repeat complaint"_s;
        QTest::newRow("superior forwarded")
            << QVariantMap {{u"channel"_s, u"forwarded_superior"_s}} << u"high"_s
            << QStringList {u"superior_forwarded"_s} << u"forwarded by a superior office"_s;
        QTest::newRow("complex category")
            << QVariantMap {{u"category"_s, u"product"_s}, {u"complexity"_s, u"complex"_s}} << u"high"_s
            << QStringList {u"complex_category"_s} << u"complex category"_s;
        // BRIEF §4, normal
        QTest::newRow("nothing") << QVariantMap {} << u"normal"_s << QStringList {} << QString();
        QTest::newRow("general walk-in") << QVariantMap {{u"channel"_s, u"walk_in"_s}, {u"category"_s, u"work_error"_s},
            {u"complexity"_s, u"general"_s}, {u"group_size"_s, 1}, {u"funds_safety"_s, false}}
                                         << u"normal"_s << QStringList {} << QString();
        QTest::newRow("escalated earlier but not a repeat")
            << QVariantMap {{u"repeat_of_escalated"_s, true}} << u"normal"_s << QStringList {} << QString();
        // Combinations: the highest wins, every fired rule is listed, most urgent first, then file order.
        QTest::newRow("high and urgent") << QVariantMap {{u"channel"_s, u"forwarded_superior"_s},
            {u"is_repeat"_s, true}, {u"funds_safety"_s, true}}
                                         << u"urgent"_s
                                         << QStringList {u"funds_safety"_s, u"repeat"_s, u"superior_forwarded"_s}
                                         << u"funds safety or trading risk involved"_s;
        QTest::newRow("two urgent, one high")
            << QVariantMap {{u"channel"_s, u"media"_s}, {u"complexity"_s, u"complex"_s}, {u"group_size"_s, 30}}
            << u"urgent"_s << QStringList {u"media"_s, u"group_complaint"_s, u"complex_category"_s}
            << u"media complaint"_s;
        QTest::newRow("two high") << QVariantMap {{u"is_repeat"_s, true}, {u"complexity"_s, u"complex"_s}} << u"high"_s
                                  << QStringList {u"repeat"_s, u"complex_category"_s} << u"repeat complaint"_s;
    }
    void priority()
    {
        QFETCH(QVariantMap, facts);
        QFETCH(QString, priority);
        QFETCH(QStringList, reasons);
        QFETCH(QString, firstReasonEn);
        const PriorityDecision decision = m_bank.priorityRules().evaluate(makeFacts(facts));
        QCOMPARE(toCode(decision.priority), priority);
        QCOMPARE(ruleIds(decision.reasons), reasons);
        if (!reasons.isEmpty()) {
            QCOMPARE(decision.reasons.constFirst().text.en, firstReasonEn);
            for (const PriorityReason &reason : decision.reasons)
                QVERIFY(!reason.text.zh.isEmpty() && !reason.text.en.isEmpty());
        }
    }

    void factsFromCase()
    {
        Case complaint;
        complaint.channel = Channel::Letter;
        complaint.category = u"product"_s;
        complaint.businessCategory = u"credit_card"_s;
        complaint.groupSize = 6;
        complaint.amount = Money::fromFen(123456);
        complaint.complainant.anonymous = true;
        complaint.fundsSafety = true;
        complaint.legalDispute = true;
        complaint.escalated = true;
        const CaseFacts facts = CaseFacts::fromCase(complaint, m_bank.taxonomy(), false, false);
        QCOMPARE(facts.string(u"channel"_s), u"letter"_s);
        QCOMPARE(facts.string(u"category"_s), u"product"_s);
        QCOMPARE(facts.string(u"complexity"_s), u"complex"_s); // from the taxonomy
        QCOMPARE(facts.string(u"business_category"_s), u"credit_card"_s);
        QCOMPARE(facts.number(u"group_size"_s).value_or(-1), 6.0);
        QCOMPARE(facts.number(u"amount"_s).value_or(-1), 1234.56);
        QVERIFY(facts.boolean(u"anonymous"_s));
        QVERIFY(facts.boolean(u"funds_safety"_s));
        QVERIFY(facts.boolean(u"legal_dispute"_s));
        QVERIFY(facts.boolean(u"escalated"_s));
        QVERIFY(!facts.boolean(u"is_repeat"_s));
        QVERIFY(!facts.boolean(u"threatens_escalation"_s));
        QVERIFY(!facts.boolean(u"conduct_issue"_s));

        Case plain;
        plain.category = u"work_error"_s;
        const CaseFacts plainFacts = CaseFacts::fromCase(plain, m_bank.taxonomy(), false, false);
        QVERIFY(!plainFacts.number(u"amount"_s).has_value()); // no amount is absent, not zero
        QCOMPARE(plainFacts.string(u"complexity"_s), u"general"_s);

        // A repeat is told by the caller or by the link to the earlier case.
        QVERIFY(CaseFacts::fromCase(plain, m_bank.taxonomy(), true, false).boolean(u"is_repeat"_s));
        plain.repeatOf = u"6d0f5b8e-0000-4000-8000-000000000001"_s;
        const CaseFacts repeatFacts = CaseFacts::fromCase(plain, m_bank.taxonomy(), false, true);
        QVERIFY(repeatFacts.boolean(u"is_repeat"_s));
        QVERIFY(repeatFacts.boolean(u"repeat_of_escalated"_s));
        const PriorityDecision decision = m_bank.priorityRules().evaluate(repeatFacts);
        QCOMPARE(decision.priority, Priority::Urgent);
        QCOMPARE(ruleIds(decision.reasons), QStringList({u"repeat_escalated"_s, u"repeat"_s}));
    }

    void factVocabulary()
    {
        QStringList names;
        for (const FactDefinition &fact : CaseFacts::definitions())
            names.append(fact.name);
        QCOMPARE(names.size(), 14);
        QCOMPARE(CaseFacts::definition(u"amount"_s)->type, FactType::Number);
        QCOMPARE(CaseFacts::definition(u"channel"_s)->type, FactType::String);
        QCOMPARE(CaseFacts::definition(u"escalated"_s)->type, FactType::Bool);
        QVERIFY(!CaseFacts::definition(u"weather"_s));
        CaseFacts facts;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"not a .*number.* fact: .*funds_safety"_s));
        facts.setNumber(u"funds_safety"_s, 1); // wrong type: ignored with a warning
        QVERIFY(!facts.number(u"funds_safety"_s).has_value());
        QVERIFY(!facts.boolean(u"funds_safety"_s));
    }

    void condition_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QVariantMap>("facts");
        QTest::addColumn<bool>("matches");

        const QVariantMap amount100 {{u"amount"_s, 100}};
        QTest::newRow("is true, fact true")
            << QByteArray(R"({"fact": "escalated", "is": true})") << QVariantMap {{u"escalated"_s, true}} << true;
        QTest::newRow("is true, fact unset")
            << QByteArray(R"({"fact": "escalated", "is": true})") << QVariantMap {} << false;
        QTest::newRow("is false, fact unset")
            << QByteArray(R"({"fact": "escalated", "is": false})") << QVariantMap {} << true;
        QTest::newRow("in, listed") << QByteArray(R"({"fact": "channel", "in": ["phone", "email"]})")
                                    << QVariantMap {{u"channel"_s, u"email"_s}} << true;
        QTest::newRow("in, not listed") << QByteArray(R"({"fact": "channel", "in": ["phone", "email"]})")
                                        << QVariantMap {{u"channel"_s, u"letter"_s}} << false;
        QTest::newRow("at_least, equal") << QByteArray(R"({"fact": "amount", "at_least": 100})") << amount100 << true;
        QTest::newRow("at_least, below") << QByteArray(R"({"fact": "amount", "at_least": 100.01})") << amount100
                                         << false;
        QTest::newRow("at_least, absent")
            << QByteArray(R"({"fact": "amount", "at_least": 0})") << QVariantMap {} << false;
        QTest::newRow("at_most, equal") << QByteArray(R"({"fact": "amount", "at_most": 100})") << amount100 << true;
        QTest::newRow("at_most, above") << QByteArray(R"({"fact": "amount", "at_most": 99.99})") << amount100 << false;
        QTest::newRow("at_most, absent") << QByteArray(R"({"fact": "amount", "at_most": 1000})") << QVariantMap {}
                                         << false;
        const QByteArray all = R"({"all": [{"fact": "anonymous", "is": true}, {"fact": "group_size", "at_least": 2}]})";
        QTest::newRow("all, both") << all << QVariantMap {{u"anonymous"_s, true}, {u"group_size"_s, 2}} << true;
        QTest::newRow("all, one") << all << QVariantMap {{u"anonymous"_s, true}, {u"group_size"_s, 1}} << false;
        const QByteArray any = R"({"any": [{"fact": "anonymous", "is": true}, {"fact": "group_size", "at_least": 2}]})";
        QTest::newRow("any, one") << any << QVariantMap {{u"group_size"_s, 3}} << true;
        QTest::newRow("any, none") << any << QVariantMap {{u"group_size"_s, 1}} << false;
        const QByteArray notIn = R"({"not": {"fact": "category", "in": ["work_error"]}})";
        QTest::newRow("not, inner false") << notIn << QVariantMap {{u"category"_s, u"product"_s}} << true;
        QTest::newRow("not, inner true") << notIn << QVariantMap {{u"category"_s, u"work_error"_s}} << false;
        QTest::newRow("nested") << QByteArray(R"({"all": [{"fact": "channel", "in": ["media"]},
                                   {"not": {"any": [{"fact": "escalated", "is": true}, {"fact": "amount", "at_most": 10}]}}]})")
                                << QVariantMap {{u"channel"_s, u"media"_s}, {u"amount"_s, 50}} << true;
    }
    void condition()
    {
        QFETCH(QByteArray, json);
        QFETCH(QVariantMap, facts);
        QFETCH(bool, matches);
        JsonReader reader(parseObject(json), u"when"_s);
        const Condition condition = Condition::read(reader);
        QVERIFY2(reader.ok(), qPrintable(reader.error().message));
        QCOMPARE(condition.matches(makeFacts(facts)), matches);
    }

    void conditionNeverReadMatchesNothing()
    {
        QVERIFY(!Condition().matches(makeFacts({})));
        QVERIFY(!Condition().matches(makeFacts({{u"escalated"_s, true}, {u"channel"_s, u"media"_s}})));
    }

    void conditionErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        QTest::newRow("unknown fact") << QByteArray(R"({"fact": "weather", "is": true})") << u"invalid_value"_s
                                      << u"when.fact"_s;
        QTest::newRow("no fact") << QByteArray(R"({"is": true})") << u"missing_field"_s << u"when.fact"_s;
        QTest::newRow("no operator") << QByteArray(R"({"fact": "escalated"})") << u"invalid_value"_s << u"when"_s;
        QTest::newRow("two operators") << QByteArray(R"({"fact": "amount", "at_least": 1, "at_most": 5})")
                                       << u"invalid_value"_s << u"when.at_most"_s;
        QTest::newRow("is on a number") << QByteArray(R"({"fact": "amount", "is": true})") << u"invalid_value"_s
                                        << u"when.is"_s;
        QTest::newRow("in on a bool") << QByteArray(R"({"fact": "escalated", "in": ["yes"]})") << u"invalid_value"_s
                                      << u"when.in"_s;
        QTest::newRow("at_least on a string")
            << QByteArray(R"({"fact": "channel", "at_least": 2})") << u"invalid_value"_s << u"when.at_least"_s;
        QTest::newRow("is with text") << QByteArray(R"({"fact": "escalated", "is": "yes"})") << u"invalid_type"_s
                                      << u"when.is"_s;
        QTest::newRow("at_least with text")
            << QByteArray(R"({"fact": "amount", "at_least": "5"})") << u"invalid_type"_s << u"when.at_least"_s;
        QTest::newRow("empty in") << QByteArray(R"({"fact": "category", "in": []})") << u"invalid_value"_s
                                  << u"when.in"_s;
        QTest::newRow("unknown channel") << QByteArray(R"({"fact": "channel", "in": ["fax"]})") << u"invalid_value"_s
                                         << u"when.in"_s;
        QTest::newRow("unknown complexity")
            << QByteArray(R"({"fact": "complexity", "in": ["medium"]})") << u"invalid_value"_s << u"when.in"_s;
        QTest::newRow("unknown key") << QByteArray(R"({"fact": "escalated", "is": true, "weight": 2})")
                                     << u"unknown_field"_s << u"when.weight"_s;
        QTest::newRow("empty object") << QByteArray(R"({})") << u"invalid_value"_s << u"when"_s;
        QTest::newRow("all and any") << QByteArray(R"({"all": [{"fact": "escalated", "is": true}], "any": []})")
                                     << u"invalid_value"_s << u"when"_s;
        QTest::newRow("empty all") << QByteArray(R"({"all": []})") << u"invalid_value"_s << u"when.all"_s;
        QTest::newRow("not a list") << QByteArray(R"({"any": {"fact": "escalated", "is": true}})") << u"invalid_type"_s
                                    << u"when.any"_s;
        QTest::newRow("nested error") << QByteArray(R"({"all": [{"fact": "escalated", "is": true},
                                         {"not": {"fact": "group_size", "in": ["2"]}}]})")
                                      << u"invalid_value"_s << u"when.all[1].not.in"_s;
    }
    void conditionErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, field);
        JsonReader reader(parseObject(json), u"when"_s);
        const Condition condition = Condition::read(reader);
        QVERIFY(!reader.ok());
        QCOMPARE(reader.error().code, code);
        QCOMPARE(reader.error().details.value(u"field"_s).toString(), field);
        QVERIFY(!reader.error().message.isEmpty());
    }

    void routing_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QVariantMap>("facts");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("ruleId");
        QTest::addColumn<QString>("reasonZh");
        QTest::addColumn<QStringList>("notify");

        const QString bank = u"bank"_s;
        QTest::newRow("media to the office")
            << bank << QVariantMap {{u"channel"_s, u"media"_s}, {u"category"_s, u"service_attitude"_s}} << u"office"_s
            << u"media_to_office"_s << u"媒体投诉由办公室统一应对并即时报告领导"_s << QStringList {u"manager"_s};
        QTest::newRow("media wins over financial crime")
            << bank << QVariantMap {{u"channel"_s, u"media"_s}, {u"category"_s, u"financial_crime"_s}} << u"office"_s
            << u"media_to_office"_s << u"媒体投诉由办公室统一应对并即时报告领导"_s << QStringList {u"manager"_s};
        QTest::newRow("financial crime to inspection")
            << bank << QVariantMap {{u"channel"_s, u"phone"_s}, {u"category"_s, u"financial_crime"_s}}
            << u"inspection"_s << u"financial_crime_to_inspection"_s << u"金融犯罪线索移交被投诉单位稽核监察部门"_s
            << QStringList {u"manager"_s};
        QTest::newRow("conduct issue") << bank
                                       << QVariantMap {{u"category"_s, u"work_error"_s}, {u"conduct_issue"_s, true}}
                                       << u"inspection"_s << u"pressured_withdrawal"_s
                                       << u"非自愿撤诉按员工行为问题处理"_s << QStringList {u"manager"_s};
        QTest::newRow("legal dispute") << bank
                                       << QVariantMap {{u"category"_s, u"product"_s}, {u"legal_dispute"_s, true}}
                                       << u"legal"_s << u"legal_dispute"_s << u"需法律程序的经济纠纷交法律事务部门"_s
                                       << QStringList {u"manager"_s};
        QTest::newRow("group about funds")
            << bank << QVariantMap {{u"category"_s, u"channel"_s}, {u"group_size"_s, 12}, {u"funds_safety"_s, true}}
            << u"operations"_s << u"group_funds_to_operations"_s << u"群体性资金问题交运营管理部门"_s
            << QStringList {u"manager"_s};
        QTest::newRow("regulator forwarded")
            << bank << QVariantMap {{u"channel"_s, u"forwarded_regulator"_s}, {u"category"_s, u"work_error"_s}}
            << u"consumer_protection"_s << u"regulator_forwarded"_s << u"监管转办件由消保部门牵头并向领导报告"_s
            << QStringList {u"manager"_s};
        const QString byDefault = u"默认处理单位"_s;
        QTest::newRow("product: default unit") << bank << QVariantMap {{u"category"_s, u"product"_s}}
                                               << u"product_management"_s << QString() << byDefault << QStringList {};
        QTest::newRow("channel: default unit") << bank << QVariantMap {{u"category"_s, u"channel"_s}}
                                               << u"channel_management"_s << QString() << byDefault << QStringList {};
        QTest::newRow("irregular operation: compliance")
            << bank << QVariantMap {{u"category"_s, u"irregular_operation"_s}, {u"group_size"_s, 3}} << u"compliance"_s
            << QString() << byDefault << QStringList {};
        QTest::newRow("unknown category: unrouted") << bank << QVariantMap {{u"category"_s, u"weather"_s}} << QString()
                                                    << QString() << byDefault << QStringList {};
        QTest::newRow("securities brokerage") << u"securities"_s << QVariantMap {{u"category"_s, u"brokerage"_s}}
                                              << u"operations"_s << QString() << byDefault << QStringList {};
    }
    void routing()
    {
        QFETCH(QString, profile);
        QFETCH(QVariantMap, facts);
        QFETCH(QString, unit);
        QFETCH(QString, ruleId);
        QFETCH(QString, reasonZh);
        QFETCH(QStringList, notify);
        const RulePack &rules = pack(profile);
        const RoutingDecision decision = rules.routingRules().route(makeFacts(facts), rules.taxonomy());
        QCOMPARE(decision.unit, unit);
        QCOMPARE(decision.ruleId, ruleId);
        QCOMPARE(decision.reason.zh, reasonZh);
        QVERIFY(!decision.reason.en.isEmpty());
        QStringList roles;
        for (Role role : decision.notify)
            roles.append(toCode(role));
        QCOMPARE(roles, notify);
    }

    void routingDefaultReason()
    {
        const LocalizedText reason = m_bank.routingRules().defaultReason();
        QCOMPARE(reason.zh, u"默认处理单位"_s);
        QCOMPARE(reason.en, u"default unit for the category"_s);
    }

    void matchCategories_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("codes");

        QTest::newRow("Chinese name") << u"bank"_s << u"工作"_s << QStringList {u"work_error"_s};
        QTest::newRow("English name") << u"bank"_s << u"work"_s << QStringList {u"work_error"_s};
        QTest::newRow("case-insensitive") << u"bank"_s << u"  WORK "_s << QStringList {u"work_error"_s};
        QTest::newRow("code") << u"bank"_s << u"irregular_"_s << QStringList {u"irregular_operation"_s};
        QTest::newRow("产品") << u"bank"_s << u"产品"_s << QStringList {u"product"_s};
        QTest::newRow("ATM") << u"bank"_s << u"ATM"_s << QStringList {u"channel"_s};
        QTest::newRow("several") << u"bank"_s << u"服务"_s
                                 << QStringList {u"service_attitude"_s, u"product"_s, u"channel"_s};
        QTest::newRow("nothing typed") << u"bank"_s << QString()
                                       << QStringList {u"work_error"_s, u"service_attitude"_s, u"internal_management"_s,
                                              u"product"_s, u"channel"_s, u"irregular_operation"_s,
                                              u"financial_crime"_s, u"anonymous"_s};
        QTest::newRow("no match") << u"bank"_s << u"保险"_s << QStringList {};
        QTest::newRow("securities 产品") << u"securities"_s << u"产品"_s << QStringList {u"product_service"_s};
        QTest::newRow("securities commission") << u"securities"_s << u"commission"_s << QStringList {u"brokerage"_s};
        QTest::newRow("securities 教育") << u"securities"_s << u"教育"_s << QStringList {u"investor_education"_s};
        QTest::newRow("securities has no work error") << u"securities"_s << u"工作"_s << QStringList {};
    }
    void matchCategories()
    {
        QFETCH(QString, profile);
        QFETCH(QString, typed);
        QFETCH(QStringList, codes);
        QCOMPARE(codesOf(pack(profile).taxonomy().matchCategories(typed)), codes);
    }

    void matchAxis_data()
    {
        QTest::addColumn<QString>("axis");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("codes");

        QTest::newRow("self-service") << u"channel"_s << u"自助"_s << QStringList {u"self_service"_s};
        QTest::newRow("nested node") << u"channel"_s << u"mobile"_s << QStringList {u"mobile_app"_s};
        QTest::newRow("parent and children")
            << u"channel"_s << u"电子"_s << QStringList {u"electronic"_s, u"other_electronic"_s};
        QTest::newRow("business") << u"business"_s << u"信用卡"_s << QStringList {u"credit_card"_s};
        QTest::newRow("cause in English") << u"cause"_s << u"FEES"_s << QStringList {u"pricing_fees"_s};
        QTest::newRow("unknown axis") << u"weather"_s << u"rain"_s << QStringList {};
    }
    void matchAxis()
    {
        QFETCH(QString, axis);
        QFETCH(QString, typed);
        QFETCH(QStringList, codes);
        QCOMPARE(codesOf(m_bank.taxonomy().matchAxis(axis, typed)), codes);
    }

    void taxonomyLookups()
    {
        const Taxonomy &taxonomy = m_bank.taxonomy();
        QCOMPARE(taxonomy.name().zh, u"银行 / 农村信用社"_s);
        const Category *workError = taxonomy.category(u"work_error"_s);
        QVERIFY(workError);
        QCOMPARE(workError->complexity, Complexity::General);
        QCOMPARE(workError->defaultUnit, u"branch_office"_s);
        QCOMPARE(workError->statisticsGroup, u"service_quality"_s);
        QCOMPARE(workError->name.en, u"Work error"_s);
        QCOMPARE(taxonomy.category(u"product"_s)->complexity, Complexity::Complex);
        QVERIFY(!taxonomy.category(u"brokerage"_s));
        QCOMPARE(taxonomy.unit(u"office"_s)->name.zh, u"办公室"_s);
        QVERIFY(!taxonomy.unit(u"canteen"_s));
        QVERIFY(taxonomy.statisticsGroup(u"product"_s));
        QCOMPARE(taxonomy.channelName(Channel::Media).zh, u"媒体"_s);
        QCOMPARE(
            taxonomy.channelName(Channel::ForwardedRegulator).en, u"Forwarded by a regulator or government body"_s);
        QCOMPARE(taxonomy.channelAxisOf(Channel::WalkIn), u"premises"_s);
        QCOMPARE(taxonomy.channels().size(), allCodes<Channel>().size());
        QCOMPARE(Taxonomy::axisIds(), QStringList({u"channel"_s, u"business"_s, u"cause"_s}));
        QCOMPARE(taxonomy.axisNode(u"channel"_s, u"sms"_s)->name.zh, u"短信"_s);
        QVERIFY(!taxonomy.axisNode(u"business"_s, u"sms"_s));
        QVERIFY(!taxonomy.axisNode(u"weather"_s, u"sms"_s));
        const QStringList leaves = codesOf(taxonomy.axisLeaves(u"channel"_s));
        QCOMPARE(leaves.first(), u"premises"_s);
        QVERIFY(leaves.contains(u"sms"_s));
        QVERIFY(leaves.contains(u"back_office"_s));
        QVERIFY(!leaves.contains(u"front_office"_s));
        QVERIFY(!leaves.contains(u"electronic"_s));
        QCOMPARE(taxonomy.axisLeaves(u"cause"_s).size(), 13);
        QCOMPARE(taxonomy.axis(u"channel"_s).size(), 2);
        QCOMPARE(m_securities.taxonomy().category(u"brokerage"_s)->complexity, Complexity::Complex);
        QCOMPARE(m_securities.taxonomy().category(u"investor_education"_s)->complexity, Complexity::General);
    }

    void recordValidation_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code"); // empty: valid
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("normalised");

        QTest::newRow("contact")
            << u"contact"_s
            << QByteArray(R"({"at": "2026-02-14T10:00:00+08:00", "method": " phone ", "summary": "  called back  "})")
            << QString() << QString()
            << QByteArray(R"({"at": "2026-02-14T10:00:00+08:00", "method": "phone", "summary": "called back"})");
        QTest::newRow("compensation: money and dates")
            << u"compensation"_s
            << QByteArray(R"({"amount": "25.5", "method": "fee_refund", "payment_due": "2026-03-01",
                              "paid_on": "", "approver": " 王经理 "})")
            << QString() << QString()
            << QByteArray(
                   R"({"amount": 25.5, "method": "fee_refund", "payment_due": "2026-03-01", "approver": "王经理"})");
        QTest::newRow("money as a number")
            << u"compensation"_s << QByteArray(R"({"amount": 1200, "method": "cash", "payment_due": "2026-03-01",
                                                             "approver": "A"})")
            << QString() << QString() << QByteArray(R"({"amount": 1200, "method": "cash", "payment_due": "2026-03-01",
                                                             "approver": "A"})");
        QTest::newRow("investigation: bool and cause")
            << u"investigation"_s
            << QByteArray(
                   R"({"facts": "fee charged twice", "our_fault": true, "cause": "pricing_fees", "evidence": "  "})")
            << QString() << QString()
            << QByteArray(R"({"facts": "fee charged twice", "our_fault": true, "cause": "pricing_fees"})");
        QTest::newRow("visit: int and UTC time")
            << u"visit"_s << QByteArray(R"({"visited_at": "2026-02-24T02:00:00.250Z", "method": "sms", "visitor": "Li",
                              "attempt": 2, "reached": false, "follow_up_needed": null})")
            << QString() << QString()
            << QByteArray(R"({"visited_at": "2026-02-24T02:00:00.250Z", "method": "sms", "visitor": "Li",
                              "attempt": 2, "reached": false})");

        QTest::newRow("unknown kind") << u"meeting"_s << QByteArray("{}") << u"unknown_record_kind"_s << u"kind"_s
                                      << QByteArray();
        QTest::newRow("unknown field") << u"note"_s << QByteArray(R"({"text": "x", "colour": "red"})")
                                       << u"unknown_field"_s << u"colour"_s << QByteArray();
        QTest::newRow("missing required")
            << u"contact"_s << QByteArray(R"({"at": "2026-02-14T10:00:00+08:00", "method": "phone"})")
            << u"missing_field"_s << u"summary"_s << QByteArray();
        QTest::newRow("blank required") << u"note"_s << QByteArray(R"({"text": "   "})") << u"missing_field"_s
                                        << u"text"_s << QByteArray();
        QTest::newRow("null required") << u"note"_s << QByteArray(R"({"text": null})") << u"missing_field"_s
                                       << u"text"_s << QByteArray();
        QTest::newRow("string: number") << u"note"_s << QByteArray(R"({"text": 5})") << u"invalid_type"_s << u"text"_s
                                        << QByteArray();
        QTest::newRow("bool: text") << u"investigation"_s << QByteArray(R"({"facts": "f", "our_fault": "yes"})")
                                    << u"invalid_type"_s << u"our_fault"_s << QByteArray();
        const QByteArray visit = R"("visited_at": "2026-02-24T10:00:00+08:00", "method": "sms", "visitor": "Li",
                                    "reached": true)";
        QTest::newRow("int: fraction") << u"visit"_s << QByteArray("{" + visit + R"(, "attempt": 2.5})")
                                       << u"invalid_type"_s << u"attempt"_s << QByteArray();
        QTest::newRow("int: text") << u"visit"_s << QByteArray("{" + visit + R"(, "attempt": "2"})")
                                   << u"invalid_type"_s << u"attempt"_s << QByteArray();
        const QByteArray compensation = R"("amount": 10, "method": "cash", "approver": "A")";
        QTest::newRow("date: slashes") << u"compensation"_s
                                       << QByteArray("{" + compensation + R"(, "payment_due": "2026/03/01"})")
                                       << u"invalid_type"_s << u"payment_due"_s << QByteArray();
        QTest::newRow("date: no such day")
            << u"compensation"_s << QByteArray("{" + compensation + R"(, "payment_due": "2026-02-30"})")
            << u"invalid_type"_s << u"payment_due"_s << QByteArray();
        QTest::newRow("datetime: no offset")
            << u"contact"_s << QByteArray(R"({"at": "2026-02-14T10:00:00", "method": "phone", "summary": "s"})")
            << u"invalid_type"_s << u"at"_s << QByteArray();
        QTest::newRow("datetime: a date")
            << u"contact"_s << QByteArray(R"({"at": "2026-02-14", "method": "phone", "summary": "s"})")
            << u"invalid_type"_s << u"at"_s << QByteArray();
        const QByteArray due = R"("method": "cash", "approver": "A", "payment_due": "2026-03-01")";
        QTest::newRow("money: three decimals") << u"compensation"_s << QByteArray("{" + due + R"(, "amount": "1.234"})")
                                               << u"invalid_value"_s << u"amount"_s << QByteArray();
        QTest::newRow("money: negative") << u"compensation"_s << QByteArray("{" + due + R"(, "amount": -5})")
                                         << u"invalid_value"_s << u"amount"_s << QByteArray();
        QTest::newRow("money: bool") << u"compensation"_s << QByteArray("{" + due + R"(, "amount": true})")
                                     << u"invalid_type"_s << u"amount"_s << QByteArray();
        QTest::newRow("code: not allowed")
            << u"contact"_s << QByteArray(R"({"at": "2026-02-14T10:00:00+08:00", "method": "fax",
                                                             "summary": "s"})")
            << u"invalid_value"_s << u"method"_s << QByteArray();
        QTest::newRow("code: number") << u"contact"_s
                                      << QByteArray(
                                             R"({"at": "2026-02-14T10:00:00+08:00", "method": 1, "summary": "s"})")
                                      << u"invalid_type"_s << u"method"_s << QByteArray();
        QTest::newRow("cause: unknown") << u"investigation"_s << QByteArray(R"({"facts": "f", "cause": "weather"})")
                                        << u"invalid_value"_s << u"cause"_s << QByteArray();
        QTest::newRow("cause: securities code on bank")
            << u"investigation"_s << QByteArray(R"({"facts": "f", "cause": "brokerage_trading"})") << u"invalid_value"_s
            << u"cause"_s << QByteArray();
    }
    void recordValidation()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QByteArray, normalised);
        const auto result = m_bank.recordSchema().validate(kind, parseObject(data), m_bank.taxonomy());
        if (code.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(result.value(), parseObject(normalised));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, code);
            QCOMPARE(result.error().details.value(u"field"_s).toString(), field);
            QVERIFY(!result.error().message.isEmpty());
        }
    }

    void recordKinds()
    {
        const RecordSchema &schema = m_bank.recordSchema();
        QStringList kinds;
        for (const RecordKind &kind : schema.kinds())
            kinds.append(kind.code);
        QCOMPARE(kinds,
            QStringList({u"contact"_s, u"investigation"_s, u"reply"_s, u"mediation"_s, u"compensation"_s,
                u"supervision_reply"_s, u"visit"_s, u"note"_s}));
        const RecordKind *visit = schema.kind(u"visit"_s);
        QVERIFY(visit);
        QCOMPARE(visit->name.zh, u"回访记录"_s);
        const RecordField *satisfaction = visit->field(u"satisfaction"_s);
        QVERIFY(satisfaction);
        QCOMPARE(satisfaction->type, RecordFieldType::Code);
        QCOMPARE(satisfaction->values, QStringList({u"satisfied"_s, u"basically_satisfied"_s, u"dissatisfied"_s}));
        QCOMPARE(satisfaction->label.en, u"Satisfaction"_s);
        QVERIFY(!satisfaction->required);
        QVERIFY(visit->field(u"visited_at"_s)->required);
        QCOMPARE(visit->field(u"attempt"_s)->type, RecordFieldType::Int);
        QCOMPARE(schema.kind(u"compensation"_s)->field(u"amount"_s)->type, RecordFieldType::Money);
        QVERIFY(!schema.kind(u"meeting"_s));
    }

    void intakeFields_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QStringList>("required");
        QTest::addColumn<QStringList>("recommended");

        QTest::newRow("walk-in") << u"walk_in"_s << QStringList {} << QStringList {u"recording_reference"_s};
        QTest::newRow("phone") << u"phone"_s << QStringList {} << QStringList {};
        QTest::newRow("letter") << u"letter"_s << QStringList {} << QStringList {};
        QTest::newRow("email") << u"email"_s << QStringList {} << QStringList {};
        QTest::newRow("online") << u"online"_s << QStringList {} << QStringList {};
        QTest::newRow("opinion box") << u"opinion_box"_s << QStringList {} << QStringList {};
        QTest::newRow("media") << u"media"_s << QStringList {u"media_outlet"_s} << QStringList {};
        QTest::newRow("superior") << u"forwarded_superior"_s
                                  << QStringList {u"forwarding.body"_s, u"forwarding.reference"_s}
                                  << QStringList {u"forwarding.due_date"_s};
        QTest::newRow("regulator") << u"forwarded_regulator"_s
                                   << QStringList {u"forwarding.body"_s, u"forwarding.reference"_s,
                                          u"forwarding.due_date"_s}
                                   << QStringList {};
    }
    void intakeFields()
    {
        QFETCH(QString, channel);
        QFETCH(QStringList, required);
        QFETCH(QStringList, recommended);
        const IntakeFieldRules &rules = m_bank.intakeFields();
        const Channel parsed = *fromCode<Channel>(channel);
        QCOMPARE(rules.requiredFields(parsed), required);
        QCOMPARE(rules.recommendedFields(parsed), recommended);
        // DESIGN §5: channel, category, summary always; name and phone unless anonymous.
        const QStringList common {u"channel"_s, u"category"_s, u"summary"_s};
        const QStringList identity {u"complainant.name"_s, u"complainant.phone"_s};
        QCOMPARE(rules.commonFields(), common);
        QCOMPARE(rules.identityFields(), identity);
        QCOMPARE(rules.allRequiredFields(parsed, true), common + required);
        QCOMPARE(rules.allRequiredFields(parsed, false), common + identity + required);
        for (const QString &field : required + recommended)
            QVERIFY(!rules.label(field).zh.isEmpty() && !rules.label(field).en.isEmpty());
    }

    void ruleFileErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("entry"); // empty: the problem is not inside an entry
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");

        const QString priority = u"priority-rules.json"_s;
        const QString routing = u"routing-rules.json"_s;
        const QString bank = u"profile-bank.json"_s;
        const QString records = u"case-records.json"_s;
        const QString intake = u"intake-fields.json"_s;

        QTest::newRow("not JSON") << priority << QByteArray("{\n  \"version\": 1,\n  \"rules\": [,]\n}\n") << QString()
                                  << QString() << u"not_json"_s;
        QTest::newRow("not an object") << routing << QByteArray("[1, 2]") << QString() << QString()
                                       << u"not_an_object"_s;
        QTest::newRow("missing field") << priority << shippedWith(priority, u"rules/0/reason"_s, QJsonValue::Undefined)
                                       << u"funds_safety"_s << u"rules[0].reason"_s << u"missing_field"_s;
        QTest::newRow("missing half of a text")
            << priority << shippedWith(priority, u"rules/1/reason/en"_s, QJsonValue::Undefined) << u"financial_crime"_s
            << u"rules[1].reason.en"_s << u"missing_field"_s;
        QTest::newRow("rule without id") << priority << shippedWith(priority, u"rules/3/id"_s, QJsonValue::Undefined)
                                         << u"rules[3]"_s << u"rules[3].id"_s << u"missing_field"_s;
        QTest::newRow("missing rule list") << priority << shippedWith(priority, u"rules"_s, QJsonValue::Undefined)
                                           << QString() << u"rules"_s << u"missing_field"_s;
        QTest::newRow("missing version") << routing << shippedWith(routing, u"version"_s, QJsonValue::Undefined)
                                         << QString() << u"version"_s << u"missing_field"_s;
        QTest::newRow("wrong type") << routing << shippedWith(routing, u"rules/1/unit"_s, 5)
                                    << u"pressured_withdrawal"_s << u"rules[1].unit"_s << u"invalid_type"_s;
        QTest::newRow("wrong type, taxonomy") << bank << shippedWith(bank, u"categories/0/complexity"_s, true)
                                              << u"work_error"_s << u"categories[0].complexity"_s << u"invalid_type"_s;
        QTest::newRow("unknown key") << routing << shippedWith(routing, u"rules/2/priority"_s, u"urgent"_s)
                                     << u"financial_crime_to_inspection"_s << u"rules[2].priority"_s
                                     << u"unknown_field"_s;
        QTest::newRow("unknown fact") << priority << shippedWith(priority, u"rules/0/when/fact"_s, u"fund_safety"_s)
                                      << u"funds_safety"_s << u"rules[0].when.fact"_s << u"invalid_value"_s;
        QTest::newRow("wrong operator for the fact")
            << priority
            << shippedWith(priority, u"rules/0/when"_s, jsonValue(R"({"fact": "funds_safety", "in": ["yes"]})"))
            << u"funds_safety"_s << u"rules[0].when.in"_s << u"invalid_value"_s;
        QTest::newRow("wrong operator, nested")
            << priority
            << shippedWith(priority, u"rules/6/when/all/0"_s, jsonValue(R"({"fact": "is_repeat", "at_least": 1})"))
            << u"repeat_escalated"_s << u"rules[6].when.all[0].at_least"_s << u"invalid_value"_s;
        QTest::newRow("unknown channel in a rule")
            << priority << shippedWith(priority, u"rules/2/when/in/0"_s, u"newspaper"_s) << u"media"_s
            << u"rules[2].when.in"_s << u"invalid_value"_s;
        QTest::newRow("unknown priority") << priority << shippedWith(priority, u"rules/7/priority"_s, u"critical"_s)
                                          << u"repeat"_s << u"rules[7].priority"_s << u"invalid_value"_s;
        QTest::newRow("duplicate rule id") << priority << shippedWith(priority, u"rules/8/id"_s, u"media"_s)
                                           << u"media"_s << u"rules[8].id"_s << u"invalid_value"_s;
        QTest::newRow("unknown unit in routing")
            << routing << shippedWith(routing, u"rules/0/unit"_s, u"press_office"_s) << u"media_to_office"_s
            << u"rules[0].unit"_s << u"invalid_value"_s;
        QTest::newRow("unknown role to notify")
            << routing << shippedWith(routing, u"rules/3/notify"_s, QJsonArray {u"manager"_s, u"ceo"_s})
            << u"legal_dispute"_s << u"rules[3].notify"_s << u"invalid_value"_s;
        QTest::newRow("routing without default reason")
            << routing << shippedWith(routing, u"default_reason"_s, QJsonValue::Undefined) << QString()
            << u"default_reason"_s << u"missing_field"_s;
        QTest::newRow("duplicate category code") << bank << shippedWith(bank, u"categories/1/code"_s, u"work_error"_s)
                                                 << u"work_error"_s << u"categories[1].code"_s << u"invalid_value"_s;
        QTest::newRow("unknown default unit") << bank << shippedWith(bank, u"categories/3/default_unit"_s, u"nowhere"_s)
                                              << u"product"_s << u"categories[3].default_unit"_s << u"invalid_value"_s;
        QTest::newRow("unknown default cause")
            << bank << shippedWith(bank, u"categories/4/default_cause"_s, u"fate"_s) << u"channel"_s
            << u"categories[4].default_cause"_s << u"invalid_value"_s;
        QTest::newRow("unknown complexity") << bank << shippedWith(bank, u"categories/0/complexity"_s, u"medium"_s)
                                            << u"work_error"_s << u"categories[0].complexity"_s << u"invalid_value"_s;
        QTest::newRow("unknown statistics group")
            << bank << shippedWith(bank, u"categories/7/statistics_group"_s, u"misc"_s) << u"anonymous"_s
            << u"categories[7].statistics_group"_s << u"invalid_value"_s;
        QTest::newRow("channel without a name") << bank << shippedWith(bank, u"channels/8"_s, QJsonValue::Undefined)
                                                << QString() << u"channels"_s << u"invalid_value"_s;
        QTest::newRow("unknown channel in taxonomy") << bank << shippedWith(bank, u"channels/2/code"_s, u"fax"_s)
                                                     << u"fax"_s << u"channels[2].code"_s << u"invalid_value"_s;
        QTest::newRow("channel axis node missing")
            << bank << shippedWith(bank, u"channels/0/channel_axis"_s, u"moon"_s) << u"walk_in"_s
            << u"channels[0].channel_axis"_s << u"invalid_value"_s;
        QTest::newRow("axis node without a name")
            << bank << shippedWith(bank, u"axes/channel/0/children/2/children/0/name/zh"_s, QJsonValue::Undefined)
            << u"front_office.electronic.online_banking"_s << u"axes.channel[0].children[2].children[0].name.zh"_s
            << u"missing_field"_s;
        QTest::newRow("duplicate axis code") << bank << shippedWith(bank, u"axes/channel/1/code"_s, u"sms"_s)
                                             << u"sms"_s << u"axes.channel[1].code"_s << u"invalid_value"_s;
        QTest::newRow("profile mismatch") << bank << shippedWith(bank, u"profile"_s, u"securities"_s) << QString()
                                          << u"profile"_s << u"invalid_value"_s;
        QTest::newRow("unknown field type")
            << records << shippedWith(records, u"kinds/0/fields/1/type"_s, u"phone"_s) << u"contact.method"_s
            << u"kinds[0].fields[1].type"_s << u"invalid_value"_s;
        QTest::newRow("code field without values")
            << records << shippedWith(records, u"kinds/0/fields/1/values"_s, QJsonValue::Undefined)
            << u"contact.method"_s << u"kinds[0].fields[1].values"_s << u"missing_field"_s;
        QTest::newRow("duplicate record field")
            << records
            << shippedWith(records, u"kinds/7/fields/1"_s,
                   jsonValue(R"({"name": "text", "type": "string", "label": {"zh": "内容", "en": "Text"}})"))
            << u"note.text"_s << u"kinds[7].fields[1].name"_s << u"invalid_value"_s;
        QTest::newRow("unknown channel in intake") << intake << shippedWith(intake, u"channels/0/channel"_s, u"fax"_s)
                                                   << u"fax"_s << u"channels[0].channel"_s << u"invalid_value"_s;
        QTest::newRow("unknown intake field") << intake << shippedWith(intake, u"fields/0/name"_s, u"shoe_size"_s)
                                              << u"shoe_size"_s << u"fields[0].name"_s << u"invalid_value"_s;
        QTest::newRow("unlabelled intake field")
            << intake << shippedWith(intake, u"channels/1/required/0"_s, u"demand"_s) << u"media"_s
            << u"channels[1].required"_s << u"invalid_value"_s;
        QTest::newRow("time limit out of range")
            << u"time-limits.json"_s << shippedWith(u"time-limits.json"_s, u"resolve/general/working_days"_s, 0)
            << QString() << u"resolve.general.working_days"_s << u"invalid_value"_s;
    }
    void ruleFileErrors()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, entry);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        QTemporaryDir overrides;
        QVERIFY(overrides.isValid());
        const QString path = QDir(overrides.path()).filePath(file);
        QVERIFY(writeFile(path, content));

        const auto pack = RulePack::load(overrides.path(), u"bank"_s);
        QVERIFY(!pack.ok());
        const Error &error = pack.error();
        QCOMPARE(error.code, u"invalid_rule_file"_s);
        QCOMPARE(error.details.value(u"file"_s).toString(), path);
        QCOMPARE(error.details.value(u"reason"_s).toString(), reason);
        QVERIFY2(error.message.startsWith(path), qPrintable(error.message));
        if (entry.isEmpty()) {
            QVERIFY(!error.details.contains(u"entry"_s));
        } else {
            QCOMPARE(error.details.value(u"entry"_s).toString(), entry);
            QVERIFY2(error.message.contains(u"“"_s + entry + u"”"_s), qPrintable(error.message));
        }
        if (field.isEmpty()) {
            QVERIFY(!error.details.contains(u"field"_s));
        } else {
            QCOMPARE(error.details.value(u"field"_s).toString(), field);
            QVERIFY2(error.message.contains(u"“"_s + field + u"”"_s), qPrintable(error.message));
        }
    }

    void notJsonSaysWhere()
    {
        QTemporaryDir overrides;
        QVERIFY(overrides.isValid());
        QVERIFY(writeFile(
            QDir(overrides.path()).filePath(u"priority-rules.json"_s), "{\n  \"version\": 1,\n  \"rules\": [,]\n}\n"));
        const auto pack = RulePack::load(overrides.path(), u"bank"_s);
        QVERIFY(!pack.ok());
        QCOMPARE(pack.error().details.value(u"line"_s).toInt(), 3);
        QVERIFY(pack.error().details.value(u"column"_s).toInt() > 0);
        QVERIFY(pack.error().message.contains(u"line 3"_s));
    }

    void unknownProfile_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::newRow("insurance") << u"insurance"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("path") << u"../rules/profile-bank"_s;
        QTest::newRow("upper case") << u"BANK"_s;
    }
    void unknownProfile()
    {
        QFETCH(QString, profile);
        const auto pack = RulePack::load(QString(), profile);
        QVERIFY(!pack.ok());
        QCOMPARE(pack.error().code, u"unknown_profile"_s);
        QCOMPARE(pack.error().details.value(u"value"_s).toString(), profile);
        QVERIFY(pack.error().message.contains(u"bank"_s));
    }

    void overrideDirectory()
    {
        QTemporaryDir overrides;
        QVERIFY(overrides.isValid());
        const QDir dir(overrides.path());
        // An admin raises the group threshold to 5 complainants in the data directory's copy.
        const QString priorityPath = dir.filePath(u"priority-rules.json"_s);
        QVERIFY(writeFile(priorityPath, shippedWith(u"priority-rules.json"_s, u"rules/4/when/at_least"_s, 5)));
        // … and adds a credit-union profile of their own.
        QVERIFY(writeFile(dir.filePath(u"profile-credit_union.json"_s),
            shippedWith(u"profile-bank.json"_s, u"profile"_s, u"credit_union"_s)));
        QCOMPARE(RulePack::availableProfiles(overrides.path()),
            QStringList({u"bank"_s, u"credit_union"_s, u"securities"_s}));

        const auto bank = RulePack::load(overrides.path(), u"bank"_s);
        QVERIFY2(bank.ok(), qPrintable(bank.ok() ? QString() : bank.error().message));
        QCOMPARE(bank->overriddenFiles(), QStringList {priorityPath});
        const CaseFacts three = makeFacts({{u"group_size"_s, 3}});
        QCOMPARE(bank->priorityRules().evaluate(three).priority, Priority::Normal);
        QCOMPARE(m_bank.priorityRules().evaluate(three).priority, Priority::Urgent);
        QCOMPARE(bank->priorityRules().evaluate(makeFacts({{u"group_size"_s, 5}})).priority, Priority::Urgent);

        const auto creditUnion = RulePack::load(overrides.path(), u"credit_union"_s);
        QVERIFY2(creditUnion.ok(), qPrintable(creditUnion.ok() ? QString() : creditUnion.error().message));
        QCOMPARE(creditUnion->profile(), u"credit_union"_s);
        QCOMPARE(creditUnion->overriddenFiles().size(), 2);
        QVERIFY(creditUnion->taxonomy().category(u"work_error"_s));
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "test_rules.moc"
