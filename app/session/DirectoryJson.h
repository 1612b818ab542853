#pragma once

#include "domain/Branch.h"
#include "domain/User.h"

#include <QJsonObject>

namespace casedesk {

// Reads the organisation directory as the server sends it (GET /branches, /users and the user in a
// login answer, DESIGN §5). Lenient on absent fields: the client keeps what it can use.
class DirectoryJson
{
public:
    static Branch branchFromJson(const QJsonObject &json);
    static User userFromJson(const QJsonObject &json);
    // What the client keeps of its own user between sessions (offline start).
    static QJsonObject toJson(const User &user);
};

} // namespace casedesk
