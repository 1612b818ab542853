#include "domain/Party.h"

#include "base/JsonReader.h"

namespace casedesk {

QStringList Party::kinds()
{
    return {QStringLiteral("agent"), QStringLiteral("heir"), QStringLiteral("representative")};
}

QJsonObject Party::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("name"), name}, {QStringLiteral("phone"), phone},
        {QStringLiteral("relationship"), relationship}, {QStringLiteral("authorisation"), authorisation}};
}

Party Party::fromJson(JsonReader &reader)
{
    reader.rejectUnknown({QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("phone"),
        QStringLiteral("relationship"), QStringLiteral("authorisation")});
    Party party;
    party.kind = reader.string(QStringLiteral("kind"), true);
    party.name = reader.string(QStringLiteral("name"), true);
    party.phone = reader.string(QStringLiteral("phone"));
    party.relationship = reader.string(QStringLiteral("relationship"));
    party.authorisation = reader.string(QStringLiteral("authorisation"));
    if (reader.ok() && !kinds().contains(party.kind)) {
        reader.invalid(QStringLiteral("kind"),
            JsonReader::tr("Party kind must be one of: %1.").arg(kinds().join(QStringLiteral(", "))));
    }
    return party;
}

} // namespace casedesk
