#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

// Maps the fixed enums of DESIGN §5 to their stable snake_case codes and back.
// Display names live in translations (roles, statuses, priorities) or the taxonomy (channels).
template<typename Enum>
struct CodeTable;

template<typename Enum>
QString toCode(Enum value)
{
    for (const auto &entry : CodeTable<Enum>::entries) {
        if (entry.value == value)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

template<typename Enum>
std::optional<Enum> fromCode(QStringView code)
{
    for (const auto &entry : CodeTable<Enum>::entries) {
        if (code == QLatin1String(entry.code))
            return entry.value;
    }
    return std::nullopt;
}

template<typename Enum>
QStringList allCodes()
{
    QStringList codes;
    for (const auto &entry : CodeTable<Enum>::entries)
        codes.append(QString::fromLatin1(entry.code));
    return codes;
}

template<typename Enum>
struct CodeEntry
{
    Enum value;
    const char *code;
};

} // namespace casedesk
