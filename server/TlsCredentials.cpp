#include "TlsCredentials.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace casedesk {

Result<QSslConfiguration> TlsCredentials::load(const QString &certificateFile, const QString &keyFile)
{
    if (!QSslSocket::supportsSsl()) {
        return Error {QStringLiteral("tls_unavailable"),
            tr("TLS is not available: Qt found no TLS backend (install the OpenSSL libraries)."), {}};
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        return Error {QStringLiteral("tls_certificate_invalid"),
            tr("%1 holds no PEM certificate.").arg(certificateFile),
            {{QStringLiteral("field"), QStringLiteral("tls-cert")}}};
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error {QStringLiteral("tls_key_invalid"), tr("Cannot read %1.").arg(keyFile),
            {{QStringLiteral("field"), QStringLiteral("tls-key")}}};
    }
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        return Error {QStringLiteral("tls_key_invalid"),
            tr("%1 holds no unencrypted PEM private key (RSA or EC).").arg(keyFile),
            {{QStringLiteral("field"), QStringLiteral("tls-key")}}};
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    return configuration;
}

} // namespace casedesk
