#include "security/KeyFile.h"

#include "security/Sodium.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QScopeGuard>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace casedesk {

namespace {
static_assert(KeyFile::masterKeySize == crypto_kdf_KEYBYTES);
// Bigger than any key CaseDesk needs, small enough that a wrong path cannot make us read a huge file.
constexpr int maximumKeySize = 4096;
constexpr quint64 fieldEncryptionSubkeyId = 1;
constexpr quint64 lookupHashSubkeyId = 2;

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes a POSIX descriptor on every return path.
class Descriptor
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    { }
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }
    // close() reports write errors that a delayed write-back may still produce.
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

bool readAll(int fd, QByteArray &buffer)
{
    qsizetype done = 0;
    while (done < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + done, std::size_t(buffer.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        done += n;
    }
    buffer.truncate(done);
    return true;
}

bool writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, std::size_t(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}
// Reads an existing key file after checking what kind of file it is, who may access it and its size.
Result<QByteArray> loadExisting(int fd, const QString &path, int size)
{
    const QJsonObject pathDetail {{QStringLiteral("path"), path}};
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        return Error {QStringLiteral("key_file_unreadable"),
            KeyFile::tr("The key file “%1” is not a regular file.").arg(path), pathDetail};
    }
    // DESIGN §7: the key is what protects personal data at rest; a copy readable by other accounts
    // defeats it, and one writable by them lets them swap it.
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        const QString mode = QString::number(info.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0'));
        QJsonObject details = pathDetail;
        details.insert(QStringLiteral("mode"), mode);
        return Error {QStringLiteral("key_file_permissions"),
            KeyFile::tr("The key file “%1” may be accessed by other users (mode %2). Restrict it to its "
                        "owner with “chmod 600 %1”.")
                .arg(path, mode),
            details};
    }
    if (info.st_size != size) {
        QJsonObject details = pathDetail;
        details.insert(QStringLiteral("expected"), size);
        details.insert(QStringLiteral("actual"), qint64(info.st_size));
        return Error {QStringLiteral("key_file_wrong_size"),
            KeyFile::tr("The key file “%1” has %2 bytes instead of %3. It is damaged or not a CaseDesk key; "
                        "restore it from a backup (a new key cannot decrypt existing data).")
                .arg(path)
                .arg(qint64(info.st_size))
                .arg(size),
            details};
    }
    QByteArray key(size + 1, Qt::Uninitialized); // one byte more to notice a file that grew meanwhile
    if (!readAll(fd, key) || key.size() != size) {
        return Error {QStringLiteral("key_file_unreadable"),
            KeyFile::tr("The key file “%1” could not be read completely.").arg(path), pathDetail};
    }
    return key;
}

Error unreadable(const QString &path, int error)
{
    return Error {QStringLiteral("key_file_unreadable"),
        KeyFile::tr("The key file “%1” cannot be read: %2.").arg(path, systemError(error)),
        {{QStringLiteral("path"), path}}};
}
} // namespace

Result<QByteArray> KeyFile::loadOrCreate(const QString &path, int size)
{
    Sodium::ensureInitialised();
    const QJsonObject pathDetail {{QStringLiteral("path"), path}};
    if (path.isEmpty() || size <= 0 || size > maximumKeySize) {
        return Error {QStringLiteral("key_file_invalid_request"),
            tr("A key file needs a path and a size between 1 and %1 bytes.").arg(maximumKeySize), pathDetail};
    }
    const QByteArray nativePath = QFile::encodeName(path);

    // Load first: the usual case, and the only one once the key exists. O_NOFOLLOW is not used so an admin
    // may link the key from a secrets mount; the checks apply to the file actually opened.
    {
        const Descriptor existing(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC));
        if (existing.valid())
            return loadExisting(existing.get(), path, size);
        if (errno != ENOENT)
            return unreadable(path, errno);
    }

    // Create: write the key into a private temporary file (mkostemp creates it with mode 0600, and a umask
    // can only narrow that), flush it to disk, then hard-link it into place. link() fails if another process
    // created the key meanwhile, so the file appears complete or not at all and the first creator's key wins.
    const auto createFailed = [&](int error) {
        return Error {QStringLiteral("key_file_create_failed"),
            tr("The key file “%1” could not be created: %2.").arg(path, systemError(error)), pathDetail};
    };
    QByteArray temporaryPath = nativePath + ".new-XXXXXX";
    Descriptor temporary(::mkostemp(temporaryPath.data(), O_CLOEXEC));
    if (!temporary.valid())
        return createFailed(errno);
    const auto removeTemporary = qScopeGuard([&] { ::unlink(temporaryPath.constData()); });
    QByteArray key(size, Qt::Uninitialized);
    randombytes_buf(key.data(), std::size_t(key.size()));
    if (::fchmod(temporary.get(), S_IRUSR | S_IWUSR) != 0 || !writeAll(temporary.get(), key)
        || ::fsync(temporary.get()) != 0 || !temporary.close()) {
        return createFailed(errno);
    }
    if (::link(temporaryPath.constData(), nativePath.constData()) != 0) {
        if (errno != EEXIST)
            return createFailed(errno);
        const Descriptor winner(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC));
        if (!winner.valid())
            return unreadable(path, errno); // e.g. a dangling symbolic link
        return loadExisting(winner.get(), path, size);
    }
    // Losing the key loses every encrypted field: make the new directory entry durable too.
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    const Descriptor directoryFd(::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!directoryFd.valid() || ::fsync(directoryFd.get()) != 0)
        return createFailed(errno);
    return key;
}

QByteArray KeyFile::deriveSubkey(const QByteArray &master, quint64 id, QByteArrayView context, int size)
{
    Sodium::ensureInitialised();
    if (master.size() != crypto_kdf_KEYBYTES || context.size() != crypto_kdf_CONTEXTBYTES
        || size < int(crypto_kdf_BYTES_MIN) || size > int(crypto_kdf_BYTES_MAX)) {
        qFatal("KeyFile::deriveSubkey: needs a %d-byte master key, an %d-byte context and a size of %d-%d",
            int(crypto_kdf_KEYBYTES), int(crypto_kdf_CONTEXTBYTES), int(crypto_kdf_BYTES_MIN),
            int(crypto_kdf_BYTES_MAX));
    }
    QByteArray subkey(size, Qt::Uninitialized);
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(subkey.data()), std::size_t(size), id, context.data(),
        reinterpret_cast<const unsigned char *>(master.constData()));
    return subkey;
}

QByteArray KeyFile::fieldEncryptionKey(const QByteArray &master)
{
    return deriveSubkey(master, fieldEncryptionSubkeyId, "CDfield_");
}

QByteArray KeyFile::lookupHashKey(const QByteArray &master)
{
    return deriveSubkey(master, lookupHashSubkeyId, "CDlookup");
}

} // namespace casedesk
