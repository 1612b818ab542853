#include "ListenAddress.h"

namespace casedesk {

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    const Error error {QStringLiteral("invalid_listen_address"),
        tr("“%1” is not an address to listen on; write host:port, e.g. 127.0.0.1:8640.").arg(text),
        {{QStringLiteral("field"), QStringLiteral("listen")}}};
    if (colon < 0)
        return error;
    QString host = trimmed.left(colon);
    bool ok = false;
    const uint port = trimmed.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return error;
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    ListenAddress address;
    address.port = quint16(port);
    if (host.isEmpty() || host == QLatin1String("*"))
        address.host = QHostAddress(QHostAddress::Any);
    else if (host == QLatin1String("localhost"))
        address.host = QHostAddress(QHostAddress::LocalHost);
    else if (!address.host.setAddress(host))
        return error;
    return address;
}

} // namespace casedesk
