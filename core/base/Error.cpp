#include "base/Error.h"

namespace casedesk {

QJsonObject Error::toJson() const
{
    QJsonObject error {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    error.insert(QStringLiteral("details"), details);
    return error;
}

} // namespace casedesk
