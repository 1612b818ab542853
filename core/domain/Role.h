#pragma once

#include "domain/Codes.h"

namespace casedesk {

// A role a user holds (BRIEF §1); a user can hold several.
enum class Role {
    Reception,
    Handler,
    Supervisor,
    Manager,
    Auditor,
    Admin,
};

template<>
struct CodeTable<Role>
{
    static constexpr CodeEntry<Role> entries[] = {
        {Role::Reception, "reception"},
        {Role::Handler, "handler"},
        {Role::Supervisor, "supervisor"},
        {Role::Manager, "manager"},
        {Role::Auditor, "auditor"},
        {Role::Admin, "admin"},
    };
};

} // namespace casedesk
