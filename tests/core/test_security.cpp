#include "security/FieldCipher.h"
#include "security/KeyFile.h"
#include "security/KeyedHasher.h"
#include "security/PasswordHasher.h"
#include "security/PiiMasker.h"
#include "security/SessionToken.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace casedesk;

namespace {
QByteArray testKey(char first = 0)
{
    QByteArray key(32, Qt::Uninitialized);
    for (int i = 0; i < key.size(); ++i)
        key[i] = char(first + i);
    return key;
}

bool isLowerHex(const QString &text, int length)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]+$"));
    return text.size() == length && hex.match(text).hasMatch();
}

mode_t fileMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return mode_t(-1);
    return info.st_mode & 07777;
}

bool writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return false;
    file.close();
    return ::chmod(QFile::encodeName(path).constData(), mode) == 0;
}

// Flips one bit of the binary payload behind "v1:" and re-encodes it.
QString tampered(const QString &encrypted, int byteIndex)
{
    QByteArray payload = QByteArray::fromBase64(encrypted.mid(3).toLatin1());
    payload[byteIndex < 0 ? payload.size() + byteIndex : byteIndex] ^= 0x01;
    return QStringLiteral("v1:") + QString::fromLatin1(payload.toBase64());
}
} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private slots:
    void maskingIsIdempotent()
    {
        // A client stores what the server sent (already masked); masking it again changes nothing.
        for (const QString &phone : {QStringLiteral("13812345678"), QStringLiteral("010-12345678")})
            QCOMPARE(PiiMasker::maskPhone(PiiMasker::maskPhone(phone)), PiiMasker::maskPhone(phone));
        const QString id = QStringLiteral("11010519491231002X");
        QCOMPARE(PiiMasker::maskIdNumber(PiiMasker::maskIdNumber(id)), PiiMasker::maskIdNumber(id));
    }

    void maskPhone_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
        QTest::newRow("mobile written +86") << QStringLiteral("+86 138 1234 5678") << QStringLiteral("138****5678");
        QTest::newRow("mobile written 86") << QStringLiteral("8613812345678") << QStringLiteral("138****5678");
        QTest::newRow("landline") << QStringLiteral("010-12345678") << QStringLiteral("010-****5678");
        QTest::newRow("landline digits only") << QStringLiteral("01012345678") << QStringLiteral("010-****5678");
        QTest::newRow("landline 7 digits, extension dropped")
            << QStringLiteral("0755-1234567-123") << QStringLiteral("0755-****4567");
        QTest::newRow("landline parentheses") << QStringLiteral("(021)12345678") << QStringLiteral("021-****5678");
        QTest::newRow("landline grouped") << QStringLiteral("010 6552 9988") << QStringLiteral("010-****9988");
        QTest::newRow("landline +86") << QStringLiteral("+86 21 12345678") << QStringLiteral("021-****5678");
        QTest::newRow("5 digits") << QStringLiteral("12345") << QStringLiteral("****");
        QTest::newRow("7 digits") << QStringLiteral("6552998") << QStringLiteral("****");
        QTest::newRow("10 digits") << QStringLiteral("1381234567") << QStringLiteral("****4567");
        QTest::newRow("no digits") << QStringLiteral("unknown") << QStringLiteral("****");
        QTest::newRow("foreign") << QStringLiteral("+44 20 7946 0958") << QStringLiteral("****0958");
    }
    void maskPhone()
    {
        QFETCH(QString, input);
        QFETCH(QString, masked);
        QCOMPARE(PiiMasker::maskPhone(input), masked);
    }

    void maskIdNumber_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("18 digits") << QStringLiteral("110105194912311234") << QStringLiteral("110***********1234");
        QTest::newRow("check X") << QStringLiteral("11010519491231002X") << QStringLiteral("110***********002X");
        QTest::newRow("spaces") << QStringLiteral("110105 19491231 002X") << QStringLiteral("110***********002X");
        QTest::newRow("old 15 digits") << QStringLiteral("110105491231002") << QStringLiteral("110********1002");
        QTest::newRow("passport") << QStringLiteral("E12345678") << QStringLiteral("*******78");
        QTest::newRow("7 characters") << QStringLiteral("1234567") << QStringLiteral("*******");
        QTest::newRow("1 character") << QStringLiteral("1") << QStringLiteral("*");
    }
    void maskIdNumber()
    {
        QFETCH(QString, input);
        QFETCH(QString, masked);
        QCOMPARE(PiiMasker::maskIdNumber(input), masked);
    }

    void maskName_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("two characters") << QStringLiteral("陈明") << QStringLiteral("陈*");
        QTest::newRow("three characters") << QStringLiteral("张小明") << QStringLiteral("张**");
        QTest::newRow("one character") << QStringLiteral("陈") << QStringLiteral("*");
        QTest::newRow("compound surname") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧阳**");
        QTest::newRow("compound surname, 3") << QStringLiteral("欧阳修") << QStringLiteral("欧阳*");
        QTest::newRow("compound surname alone") << QStringLiteral("司马") << QStringLiteral("司*");
        QTest::newRow("chinese with space") << QStringLiteral("陈 小明") << QStringLiteral("陈**");
        QTest::newRow("middle dot") << QStringLiteral("阿依古丽·买买提") << QStringLiteral("阿***·买**");
        QTest::newRow("latin") << QStringLiteral("John Smith") << QStringLiteral("J*** S****");
        QTest::newRow("latin initial") << QStringLiteral("J Smith") << QStringLiteral("* S****");
        QTest::newRow("latin single") << QStringLiteral("  Smith ") << QStringLiteral("S****");
        QTest::newRow("supplementary plane") << QStringLiteral("𠮷野家") << QStringLiteral("𠮷**");
    }
    void maskName()
    {
        QFETCH(QString, input);
        QFETCH(QString, masked);
        QCOMPARE(PiiMasker::maskName(input), masked);
    }

    void maskText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("prefix");
        QTest::addColumn<int>("suffix");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << QString() << 1 << 1 << QString();
        QTest::newRow("default") << QStringLiteral("secret") << 1 << 0 << QStringLiteral("s*****");
        QTest::newRow("suffix yields") << QStringLiteral("secret") << 2 << 2 << QStringLiteral("se***t");
        QTest::newRow("prefix capped") << QStringLiteral("secret") << 10 << 0 << QStringLiteral("sec***");
        QTest::newRow("one character") << QStringLiteral("a") << 1 << 0 << QStringLiteral("*");
        QTest::newRow("two characters") << QStringLiteral("ab") << 1 << 1 << QStringLiteral("a*");
        QTest::newRow("chinese") << QStringLiteral("客户资料") << 1 << 1 << QStringLiteral("客**料");
        QTest::newRow("negative") << QStringLiteral("abcd") << -1 << -1 << QStringLiteral("****");
    }
    void maskText()
    {
        QFETCH(QString, input);
        QFETCH(int, prefix);
        QFETCH(int, suffix);
        QFETCH(QString, masked);
        QCOMPARE(PiiMasker::maskText(input, prefix, suffix), masked);
    }

    void keyedHash()
    {
        const KeyedHasher hasher(testKey());
        const QString phone = QStringLiteral("13812345678");
        const QString h = hasher.hash(u"phone", phone);
        QVERIFY(isLowerHex(h, 64));
        // Known answer, computed independently: BLAKE2b-256 keyed with bytes 0..31 over
        // be32(5) "phone" be32(11) "13812345678".
        QCOMPARE(h, QStringLiteral("2c842fc6cfeae7bafb7c90fe6ada94ee5d097d63cef90b64aa7fdd2d5ab2796c"));
        QCOMPARE(KeyedHasher(testKey()).hash(u"phone", phone), h); // deterministic
        QVERIFY(KeyedHasher(testKey(1)).hash(u"phone", phone) != h); // key dependent
        QVERIFY(hasher.hash(u"id_number", phone) != h); // purpose separated
        QVERIFY(hasher.hash(u"phone", QStringLiteral("13812345679")) != h); // value dependent
        QVERIFY(hasher.hash(u"phone1", QStringLiteral("3812345678")) != h); // unambiguous framing
        QVERIFY(hasher.hash(u"ph", QStringLiteral("one13812345678")) != hasher.hash(u"pho", u"ne13812345678"));
    }

    void cipherRoundTrip_data()
    {
        QTest::addColumn<QString>("plain");
        QTest::newRow("chinese") << QStringLiteral("投诉人陈小明，身份证号11010519491231002X，住址：北京市西城区");
        QTest::newRow("phone") << QStringLiteral("13812345678");
        QTest::newRow("one character") << QStringLiteral("a");
        QTest::newRow("supplementary") << QStringLiteral("𠮷野家 😀");
    }
    void cipherRoundTrip()
    {
        QFETCH(QString, plain);
        const FieldCipher cipher(testKey());
        const QString encrypted = cipher.encrypt(plain);
        QVERIFY(encrypted.startsWith(QStringLiteral("v1:")));
        if (plain.size() > 4) // a short plaintext may occur in random base64 by chance
            QVERIFY(!encrypted.contains(plain));
        const auto decrypted = cipher.decrypt(encrypted);
        QVERIFY(decrypted.ok());
        QCOMPARE(*decrypted, plain);
        // A fresh nonce each time: equal plaintexts do not give equal stored values.
        QVERIFY(cipher.encrypt(plain) != encrypted);
    }

    void cipherEmpty()
    {
        const FieldCipher cipher(testKey());
        QCOMPARE(cipher.encrypt(QString()), QString());
        const auto decrypted = cipher.decrypt(QString());
        QVERIFY(decrypted.ok());
        QVERIFY(decrypted->isEmpty());
    }

    void cipherTampering_data()
    {
        QTest::addColumn<int>("byteIndex");
        QTest::newRow("nonce") << 0;
        QTest::newRow("nonce end") << 23;
        QTest::newRow("ciphertext") << 24;
        QTest::newRow("tag") << -1;
    }
    void cipherTampering()
    {
        QFETCH(int, byteIndex);
        const FieldCipher cipher(testKey());
        const QString encrypted = cipher.encrypt(QStringLiteral("13812345678"));
        const auto result = cipher.decrypt(tampered(encrypted, byteIndex));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("decryption_failed"));
        QVERIFY(!result.error().message.isEmpty());
    }

    void cipherWrongKeyOrContext()
    {
        const QString encrypted = FieldCipher(testKey()).encrypt(QStringLiteral("陈小明"), "case-1/phone");
        const auto wrongKey = FieldCipher(testKey(1)).decrypt(encrypted, "case-1/phone");
        QVERIFY(!wrongKey.ok());
        QCOMPARE(wrongKey.error().code, QStringLiteral("decryption_failed"));
        const auto wrongContext = FieldCipher(testKey()).decrypt(encrypted, "case-2/phone");
        QVERIFY(!wrongContext.ok());
        QCOMPARE(wrongContext.error().code, QStringLiteral("decryption_failed"));
        const auto noContext = FieldCipher(testKey()).decrypt(encrypted);
        QVERIFY(!noContext.ok());
        const auto right = FieldCipher(testKey()).decrypt(encrypted, "case-1/phone");
        QVERIFY(right.ok());
        QCOMPARE(*right, QStringLiteral("陈小明"));
    }

    void cipherMalformed_data()
    {
        QTest::addColumn<QString>("encrypted");
        const QString shortPayload = QString::fromLatin1(QByteArray(39, 'a').toBase64());
        QTest::newRow("plain text") << QStringLiteral("13812345678");
        QTest::newRow("prefix only") << QStringLiteral("v1:");
        QTest::newRow("not base64") << QStringLiteral("v1:!!!!");
        QTest::newRow("too short") << QStringLiteral("v1:") + shortPayload;
        QTest::newRow("unknown version") << QStringLiteral("v2:") + QString::fromLatin1(QByteArray(64, 'a').toBase64());
        QTest::newRow("non-latin") << QStringLiteral("v1:加密");
    }
    void cipherMalformed()
    {
        QFETCH(QString, encrypted);
        const auto result = FieldCipher(testKey()).decrypt(encrypted);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("encrypted_field_malformed"));
    }

    void keyFileCreatesPrivateFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("field.key"));
        // Even with a permissive umask the key must never be created readable by others.
        const mode_t previousUmask = ::umask(0);
        const auto created = KeyFile::loadOrCreate(path);
        ::umask(previousUmask);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->size(), 32);
        QCOMPARE(fileMode(path), mode_t(0600));
        QCOMPARE(QFileInfo(path).size(), qint64(32));
        // Only the key file remains: the temporary file it was written through is gone.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("field.key")});

        const auto loaded = KeyFile::loadOrCreate(path);
        QVERIFY(loaded.ok());
        QCOMPARE(*loaded, *created);

        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0400) == 0); // read-only for the owner is fine
        QVERIFY(KeyFile::loadOrCreate(path).ok());

        const QString other = dir.filePath(QStringLiteral("other.key"));
        const auto second = KeyFile::loadOrCreate(other, 64);
        QVERIFY(second.ok());
        QCOMPARE(second->size(), 64);
        QVERIFY(second->left(32) != *created);
    }

    void keyFileRefusesOpenModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
        QTest::newRow("0620 group-writable") << 0620;
    }
    void keyFileRefusesOpenModes()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("field.key"));
        QVERIFY(writeFile(path, testKey(), mode_t(mode)));
        const auto result = KeyFile::loadOrCreate(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("key_file_permissions"));
        QVERIFY(result.error().message.contains(path));
        QVERIFY(result.error().message.contains(QStringLiteral("chmod 600")));
        QCOMPARE(fileMode(path), mode_t(mode)); // refused, not "repaired" behind the admin's back
    }

    void keyFileRefusesWrongSize_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("31 bytes") << 31;
        QTest::newRow("33 bytes") << 33;
    }
    void keyFileRefusesWrongSize()
    {
        QFETCH(int, size);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("field.key"));
        QVERIFY(writeFile(path, QByteArray(size, 'k'), 0600));
        const auto result = KeyFile::loadOrCreate(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("key_file_wrong_size"));
        QCOMPARE(result.error().details.value(QStringLiteral("actual")).toInteger(), size);
        QCOMPARE(QFileInfo(path).size(), qint64(size)); // an existing key is never overwritten
    }

    void keyFileOtherErrors()
    {
        QTemporaryDir dir;
        const auto missingDirectory = KeyFile::loadOrCreate(dir.filePath(QStringLiteral("nowhere/field.key")));
        QVERIFY(!missingDirectory.ok());
        QCOMPARE(missingDirectory.error().code, QStringLiteral("key_file_create_failed"));

        const auto directory = KeyFile::loadOrCreate(dir.path());
        QVERIFY(!directory.ok());
        QCOMPARE(directory.error().code, QStringLiteral("key_file_unreadable"));

        const QString dangling = dir.filePath(QStringLiteral("dangling.key"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("absent")), dangling));
        const auto link = KeyFile::loadOrCreate(dangling);
        QVERIFY(!link.ok());
        QCOMPARE(link.error().code, QStringLiteral("key_file_unreadable"));

        QCOMPARE(KeyFile::loadOrCreate(QString()).error().code, QStringLiteral("key_file_invalid_request"));
        QCOMPARE(KeyFile::loadOrCreate(dir.filePath(QStringLiteral("k")), 0).error().code,
            QStringLiteral("key_file_invalid_request"));
    }

    void subkeys()
    {
        const QByteArray master = testKey();
        const QByteArray field = KeyFile::fieldEncryptionKey(master);
        const QByteArray lookup = KeyFile::lookupHashKey(master);
        // Known answers (BLAKE2b with salt = LE64(id), personal = context, as crypto_kdf specifies), so a
        // change that would orphan every stored field cannot pass unnoticed.
        QCOMPARE(field.toHex(), QByteArray("716887c2d1e74f69f14d1c92f51c6c4a08546f755ebb312c7b95857bd4f673d5"));
        QCOMPARE(lookup.toHex(), QByteArray("f8e91f92eff915d020fe7dab8e28a1837e5ac9ea9d78328e3ee4756fa19135a4"));
        QCOMPARE(KeyFile::deriveSubkey(master, 1, "CDfield_"), field);
        QVERIFY(KeyFile::deriveSubkey(master, 3, "CDfield_") != field);
        QVERIFY(KeyFile::deriveSubkey(master, 1, "CDother_") != field);
        QCOMPARE(KeyFile::deriveSubkey(master, 1, "CDfield_", 16).size(), 16);
        QVERIFY(KeyFile::fieldEncryptionKey(testKey(1)) != field);
        // The sub-keys fit the classes they are meant for.
        const QString encrypted = FieldCipher(field).encrypt(QStringLiteral("x"));
        QVERIFY(!FieldCipher(lookup).decrypt(encrypted).ok());
        QVERIFY(isLowerHex(KeyedHasher(lookup).hash(u"phone", u"13812345678"), 64));
    }

    void passwordHashAndVerify()
    {
        const PasswordHasher hasher(PasswordHasher::Strength::Test);
        const QString password = QStringLiteral("柜面-Counter 2026!");
        const auto hash = hasher.hash(password);
        QVERIFY(hash.ok());
        QVERIFY(hash->startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!hash->contains(password));
        QVERIFY(hasher.verify(password, *hash));
        QVERIFY(!hasher.verify(QStringLiteral("柜面-Counter 2026?"), *hash));
        QVERIFY(!hasher.verify(QString(), *hash));
        QVERIFY(!hasher.verify(password, QString()));
        QVERIFY(!hasher.verify(password, QStringLiteral("$argon2id$v=19$garbage")));
        QVERIFY(!hasher.verify(password, QString(200, QLatin1Char('$'))));
        // A random salt each time.
        const auto second = hasher.hash(password);
        QVERIFY(second.ok());
        QVERIFY(*second != *hash);
        QVERIFY(hasher.verify(password, *second));
    }

    void passwordNormalisation()
    {
        // A password typed with a full-width input method is the same password.
        const PasswordHasher hasher(PasswordHasher::Strength::Test);
        const auto hash = hasher.hash(QStringLiteral("ｐａｓｓｗｏｒｄ１２３"));
        QVERIFY(hash.ok());
        QVERIFY(hasher.verify(QStringLiteral("password123"), *hash));
    }

    void passwordEmptyRefused()
    {
        const auto result = PasswordHasher(PasswordHasher::Strength::Test).hash(QString());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("empty_password"));
    }

    void passwordNeedsRehash()
    {
        const PasswordHasher test(PasswordHasher::Strength::Test);
        const auto weak = test.hash(QStringLiteral("a long enough password"));
        QVERIFY(weak.ok());
        QVERIFY(!test.needsRehash(*weak));
        // needsRehash only parses the string, so asking the stronger settings costs nothing.
        QVERIFY(PasswordHasher(PasswordHasher::Strength::Interactive).needsRehash(*weak));
        QVERIFY(PasswordHasher().needsRehash(*weak));
        QVERIFY(test.needsRehash(QStringLiteral("not a hash")));
        QVERIFY(test.needsRehash(QString()));
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("code");
        QTest::newRow("ok") << QStringLiteral("correct horse") << QString();
        QTest::newRow("exactly 10") << QStringLiteral("abcdefghi1") << QString();
        QTest::newRow("chinese 10") << QStringLiteral("我的密码不能告诉别人") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("password_too_short");
        QTest::newRow("9 characters") << QStringLiteral("abcdefgh1") << QStringLiteral("password_too_short");
        QTest::newRow("9 chinese") << QStringLiteral("我的密码不能告诉别") << QStringLiteral("password_too_short");
        QTest::newRow("5 supplementary") << QStringLiteral("𠮷𠮷𠮷𠮷𠮷") << QStringLiteral("password_too_short");
        QTest::newRow("digits") << QStringLiteral("1234567890") << QStringLiteral("password_all_digits");
        QTest::newRow("full-width digits")
            << QStringLiteral("１２３４５６７８９０１") << QStringLiteral("password_all_digits");
    }
    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(QString, code);
        const Status status = PasswordHasher::checkPolicy(password);
        QCOMPARE(status.ok(), code.isEmpty());
        if (!code.isEmpty()) {
            QCOMPARE(status.error().code, code);
            QVERIFY(!status.error().message.isEmpty());
        }
    }

    void passwordPolicyMinimum()
    {
        QVERIFY(!PasswordHasher::checkPolicy(QStringLiteral("correct horse"), 16).ok());
        QVERIFY(PasswordHasher::checkPolicy(QStringLiteral("correct horse battery"), 16).ok());
    }

    void tokens()
    {
        static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]{43}$"));
        QSet<QString> tokens;
        QSet<QString> hashes;
        for (int i = 0; i < 200; ++i) {
            const QString token = SessionToken::generate();
            QVERIFY2(base64url.match(token).hasMatch(), qPrintable(token));
            QCOMPARE(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding).size(), 32);
            tokens.insert(token);
            const QString hash = SessionToken::hash(token);
            QVERIFY(isLowerHex(hash, 64));
            QCOMPARE(SessionToken::hash(token), hash);
            hashes.insert(hash);
        }
        QCOMPARE(tokens.size(), 200);
        QCOMPARE(hashes.size(), 200);
        // Known answer: unkeyed BLAKE2b-256 of the UTF-8 token.
        QCOMPARE(SessionToken::hash(QStringLiteral("会话令牌-token")),
            QStringLiteral("0f5c49d2b042f7ecb65e38348d03a5261df715b534adb4b6c91fa6c48c3272ca"));
    }

    void constantTimeEqual()
    {
        QVERIFY(SessionToken::equal("abc", "abc"));
        QVERIFY(!SessionToken::equal("abc", "abd"));
        QVERIFY(!SessionToken::equal("abc", "abcd"));
        QVERIFY(!SessionToken::equal("", "a"));
        QVERIFY(SessionToken::equal("", ""));
        const QByteArray hash = SessionToken::hash(QStringLiteral("t")).toLatin1();
        QVERIFY(SessionToken::equal(hash, SessionToken::hash(QStringLiteral("t")).toLatin1()));
        QVERIFY(!SessionToken::equal(hash, SessionToken::hash(QStringLiteral("u")).toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "test_security.moc"
