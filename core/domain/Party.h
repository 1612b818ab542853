#pragma once

#include <QJsonObject>
#include <QString>

namespace casedesk {

class JsonReader;

// Someone on the complainant's side besides the complainant: an agent or heir acting for them
// (relationship and authorisation recorded, CBIRC Order 2020 No.3), or one of at most five elected
// representatives of a group complaint.
struct Party
{
    QString kind; // "agent", "heir", "representative"
    QString name;
    QString phone;
    QString relationship;
    QString authorisation; // reference of the power of attorney or proof of inheritance

    QJsonObject toJson() const;
    static Party fromJson(JsonReader &reader);
    static QStringList kinds();
};

} // namespace casedesk
