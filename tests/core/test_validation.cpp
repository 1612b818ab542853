#include "validation/ChineseIdNumber.h"
#include "validation/PhoneNumber.h"

#include <QTest>

using namespace casedesk;

namespace {
// A valid ID number from made-up first 17 digits, completed with the check character under test.
QString completed(const QString &first17)
{
    return first17 + ChineseIdNumber::checkCharacter(first17);
}
} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void checkCharacter_data()
    {
        // Expected characters computed independently (ISO 7064 MOD 11-2 by hand / in a separate script).
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QChar>("expected");
        QTest::newRow("classic X") << QStringLiteral("11010519491231002") << QChar(u'X');
        QTest::newRow("shantou 4") << QStringLiteral("44052418800101001") << QChar(u'4');
        QTest::newRow("shenzhen 3") << QStringLiteral("44030419900101123") << QChar(u'3');
        QTest::newRow("shanghai 2") << QStringLiteral("31010119851111456") << QChar(u'2');
        QTest::newRow("hong kong 8") << QStringLiteral("81000019991231789") << QChar(u'8');
        QTest::newRow("16 digits") << QStringLiteral("1101051949123100") << QChar();
        QTest::newRow("18 digits") << QStringLiteral("110105194912310021") << QChar();
        QTest::newRow("letter") << QStringLiteral("1101051949123100A") << QChar();
        QTest::newRow("full-width digit") << QStringLiteral("1101051949123100２") << QChar();
    }
    void checkCharacter()
    {
        QFETCH(QString, first17);
        QFETCH(QChar, expected);
        QCOMPARE(ChineseIdNumber::checkCharacter(first17), expected);
    }

    void validIdNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        const QString classic = QStringLiteral("11010519491231002X");
        QTest::newRow("classic literal") << classic << classic;
        QTest::newRow("lower-case x") << QStringLiteral("11010519491231002x") << classic;
        QTest::newRow("spaces") << QStringLiteral(" 110105 19491231 002x ") << classic;
        QTest::newRow("full-width") << QStringLiteral("１１０１０５１９４９１２３１００２Ｘ") << classic;
        QTest::newRow("literal digit check")
            << QStringLiteral("440304199001011233") << QStringLiteral("440304199001011233");
        const QStringList madeUp {QStringLiteral("44030419900101123"), QStringLiteral("31010119851111456"),
            QStringLiteral("81000019991231789"), QStringLiteral("12345619000101000"),
            QStringLiteral("51010820000229331"), QStringLiteral("65010219870630127")};
        for (const QString &first17 : madeUp)
            QTest::addRow("generated %s", qPrintable(first17)) << completed(first17) << completed(first17);
    }
    void validIdNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        const auto result = ChineseIdNumber::normalise(text, QDate(2026, 11, 24));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code));
        QCOMPARE(*result, normalised);
    }

    void invalidIdNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("code");
        const QString length = QStringLiteral("invalid_id_number_length");
        const QString characters = QStringLiteral("invalid_id_number_characters");
        const QString region = QStringLiteral("invalid_id_number_region");
        const QString birth = QStringLiteral("invalid_id_number_birth_date");
        const QString check = QStringLiteral("invalid_id_number_check_digit");
        const QDate none;
        QTest::newRow("empty") << QString() << none << length;
        QTest::newRow("17 characters") << QStringLiteral("11010519491231002") << none << length;
        QTest::newRow("19 characters") << QStringLiteral("11010519491231002X0") << none << length;
        QTest::newRow("old 15-digit") << QStringLiteral("110105491231002") << none << length;
        QTest::newRow("letter inside") << QStringLiteral("1101051949123100AX") << none << characters;
        QTest::newRow("check Y") << QStringLiteral("11010519491231002Y") << none << characters;
        QTest::newRow("dash") << QStringLiteral("110105-9491231002X") << none << characters;
        QTest::newRow("X not last") << QStringLiteral("X10105194912310021") << none << characters;
        QTest::newRow("region 0") << completed(QStringLiteral("01010519491231002")) << none << region;
        QTest::newRow("region 9") << completed(QStringLiteral("91010519491231002")) << none << region;
        QTest::newRow("30 February") << completed(QStringLiteral("11010519490230002")) << none << birth;
        QTest::newRow("month 13") << completed(QStringLiteral("11010519491331002")) << none << birth;
        QTest::newRow("before 1900") << completed(QStringLiteral("11010518991231002")) << none << birth;
        QTest::newRow("born 1880, check digit right") << QStringLiteral("440524188001010014") << none << birth;
        QTest::newRow("29 Feb 1900") << completed(QStringLiteral("11010519000229002")) << none << birth;
        QTest::newRow("future birth") << completed(QStringLiteral("11010520300101001")) << QDate(2026, 11, 24) << birth;
        QTest::newRow("wrong check digit") << QStringLiteral("110105194912310021") << none << check;
        QTest::newRow("wrong check X") << QStringLiteral("44030419900101123X") << none << check;
        QTest::newRow("swapped digits") << QStringLiteral("11010519491231020X") << none << check;
    }
    void invalidIdNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QDate, today);
        QFETCH(QString, code);
        const auto result = ChineseIdNumber::normalise(text, today);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
        // Errors reach logs: they must not carry the number itself.
        if (text.size() > 6)
            QVERIFY(!result.error().message.contains(text));
        QCOMPARE(result.error().details.value(QStringLiteral("field")).toString(), QStringLiteral("id_number"));
    }

    void futureBirthDateNeedsToday()
    {
        // Without a "today" only the calendar rules apply; with one, a birth after it is refused.
        const QString future = completed(QStringLiteral("11010520300101001"));
        QVERIFY(ChineseIdNumber::normalise(future).ok());
        QVERIFY(ChineseIdNumber::normalise(future, QDate(2030, 1, 1)).ok());
        QVERIFY(!ChineseIdNumber::normalise(future, QDate(2029, 12, 31)).ok());
    }

    void validPhones_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<PhoneNumber::Kind>("kind");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("digits");
        const auto mobile = PhoneNumber::Kind::Mobile;
        const auto landline = PhoneNumber::Kind::Landline;
        const QString m = QStringLiteral("13812345678");
        QTest::newRow("mobile") << m << mobile << m << m;
        QTest::newRow("mobile +86 spaces") << QStringLiteral("+86 138 1234 5678") << mobile << m << m;
        QTest::newRow("mobile +86 glued") << QStringLiteral("+8613812345678") << mobile << m << m;
        QTest::newRow("mobile 86") << QStringLiteral("8613812345678") << mobile << m << m;
        QTest::newRow("mobile 0086 dashes") << QStringLiteral("0086-138-1234-5678") << mobile << m << m;
        QTest::newRow("mobile (+86)") << QStringLiteral("(+86) 138 1234 5678") << mobile << m << m;
        QTest::newRow("mobile dashes") << QStringLiteral("138-1234-5678") << mobile << m << m;
        QTest::newRow("mobile full-width") << QStringLiteral("１３８ １２３４ ５６７８") << mobile << m << m;
        QTest::newRow("mobile 199 padded") << QStringLiteral("  19912345678 ") << mobile
                                           << QStringLiteral("19912345678") << QStringLiteral("19912345678");
        QTest::newRow("landline 010") << QStringLiteral("010-12345678") << landline << QStringLiteral("010-12345678")
                                      << QStringLiteral("01012345678");
        QTest::newRow("landline glued") << QStringLiteral("01012345678") << landline << QStringLiteral("010-12345678")
                                        << QStringLiteral("01012345678");
        QTest::newRow("landline parentheses") << QStringLiteral("(021)12345678") << landline
                                              << QStringLiteral("021-12345678") << QStringLiteral("02112345678");
        QTest::newRow("landline full-width parentheses")
            << QStringLiteral("（021）1234 5678") << landline << QStringLiteral("021-12345678")
            << QStringLiteral("02112345678");
        QTest::newRow("landline 4-digit area 7 digits")
            << QStringLiteral("0755-1234567") << landline << QStringLiteral("0755-1234567")
            << QStringLiteral("07551234567");
        QTest::newRow("landline extension") << QStringLiteral("0755-12345678-123") << landline
                                            << QStringLiteral("0755-12345678-123") << QStringLiteral("075512345678123");
        QTest::newRow("landline 7 digits extension")
            << QStringLiteral("0755-1234567-123") << landline << QStringLiteral("0755-1234567-123")
            << QStringLiteral("07551234567123");
        QTest::newRow("landline grouped") << QStringLiteral("010 6552 9988") << landline
                                          << QStringLiteral("010-65529988") << QStringLiteral("01065529988");
        QTest::newRow("landline grouped dashes") << QStringLiteral("010-6552-9988") << landline
                                                 << QStringLiteral("010-65529988") << QStringLiteral("01065529988");
        QTest::newRow("landline 转 extension")
            << QStringLiteral("010-12345678转123") << landline << QStringLiteral("010-12345678-123")
            << QStringLiteral("01012345678123");
        QTest::newRow("landline ext") << QStringLiteral("0571 8888 6666 ext. 12") << landline
                                      << QStringLiteral("0571-88886666-12") << QStringLiteral("05718888666612");
        QTest::newRow("landline +86") << QStringLiteral("+86 21 12345678") << landline << QStringLiteral("021-12345678")
                                      << QStringLiteral("02112345678");
        QTest::newRow("landline +86 4-digit area") << QStringLiteral("+86-755-1234567") << landline
                                                   << QStringLiteral("0755-1234567") << QStringLiteral("07551234567");
    }
    void validPhones()
    {
        QFETCH(QString, text);
        QFETCH(PhoneNumber::Kind, kind);
        QFETCH(QString, normalized);
        QFETCH(QString, digits);
        const auto phone = PhoneNumber::parse(text);
        QVERIFY2(phone.ok(), qPrintable(text));
        QCOMPARE(phone->kind(), kind);
        QCOMPARE(phone->normalized(), normalized);
        QCOMPARE(phone->digits(), digits);
        // Normalising is idempotent: the stored form parses to the same number.
        const auto again = PhoneNumber::parse(phone->normalized());
        QVERIFY(again.ok());
        QCOMPARE(*again, *phone);
    }

    void invalidPhones_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("spaces only") << QStringLiteral("   ");
        QTest::newRow("10 digits") << QStringLiteral("1381234567");
        QTest::newRow("12 digits") << QStringLiteral("138123456789");
        QTest::newRow("12x prefix") << QStringLiteral("12812345678");
        QTest::newRow("11x prefix") << QStringLiteral("11012345678");
        QTest::newRow("letters") << QStringLiteral("1381234567a");
        QTest::newRow("words") << QStringLiteral("call me");
        QTest::newRow("+86 with 10 digits") << QStringLiteral("+86 138 1234 567");
        QTest::newRow("+86 twice") << QStringLiteral("+86 86 138 1234 5678");
        QTest::newRow("no area code") << QStringLiteral("12345678");
        QTest::newRow("local 6 digits") << QStringLiteral("010-123456");
        QTest::newRow("local 9 digits") << QStringLiteral("010-123456789");
        QTest::newRow("local starts with 0") << QStringLiteral("010-01234567");
        QTest::newRow("bad area 011") << QStringLiteral("011-12345678");
        QTest::newRow("bad area 0012") << QStringLiteral("0012-1234567");
        QTest::newRow("extension too long") << QStringLiteral("0755-1234567-1234567");
        QTest::newRow("two extensions") << QStringLiteral("010-12345678-12-34");
        QTest::newRow("foreign") << QStringLiteral("+44 20 7946 0958");
        QTest::newRow("service number") << QStringLiteral("95588");
    }
    void invalidPhones()
    {
        QFETCH(QString, text);
        const auto phone = PhoneNumber::parse(text);
        QVERIFY2(!phone.ok(), qPrintable(text));
        QCOMPARE(phone.error().code, QStringLiteral("invalid_phone"));
        // The message says what a valid number looks like.
        QVERIFY(phone.error().message.contains(QStringLiteral("13812345678")));
        QVERIFY(phone.error().message.contains(QStringLiteral("010-12345678")));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "test_validation.moc"
