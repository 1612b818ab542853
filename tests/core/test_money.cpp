#include "domain/Money.h"

#include <QJsonValue>
#include <QTest>

using namespace casedesk;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("fen");
        QTest::newRow("whole") << QStringLiteral("25") << true << qint64(2500);
        QTest::newRow("one decimal") << QStringLiteral("25.5") << true << qint64(2550);
        QTest::newRow("two decimals") << QStringLiteral("0.07") << true << qint64(7);
        QTest::newRow("spaces") << QStringLiteral(" 12.30 ") << true << qint64(1230);
        QTest::newRow("three decimals") << QStringLiteral("1.234") << false << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-5") << false << qint64(0);
        QTest::newRow("text") << QStringLiteral("abc") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("comma") << QStringLiteral("1,000") << false << qint64(0);
        QTest::newRow("too large") << QStringLiteral("99999999999") << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, fen);
        const auto money = Money::parse(text);
        QCOMPARE(money.ok(), valid);
        if (valid)
            QCOMPARE(money->fen(), fen);
        else
            QCOMPARE(money.error().code, QStringLiteral("invalid_amount"));
    }
    void json()
    {
        QCOMPARE(Money::fromJson(QJsonValue(25.5))->fen(), qint64(2550));
        QCOMPARE(Money::fromJson(QJsonValue(QStringLiteral("0.10")))->fen(), qint64(10));
        QVERIFY(!Money::fromJson(QJsonValue(0.001)).ok());
        QVERIFY(!Money::fromJson(QJsonValue(true)).ok());
        QCOMPARE(Money::fromFen(2500).toString(), QStringLiteral("25.00"));
        QCOMPARE(Money::fromFen(7).toString(), QStringLiteral("0.07"));
        QCOMPARE(Money::fromFen(2550).toJson().toDouble(), 25.5);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "test_money.moc"
