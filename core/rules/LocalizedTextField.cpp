#include "rules/LocalizedTextField.h"

#include "base/JsonReader.h"

namespace casedesk {

LocalizedText LocalizedTextField::read(JsonReader &reader, const QString &key)
{
    JsonReader text = reader.child(key, true);
    text.rejectUnknown({QStringLiteral("zh"), QStringLiteral("en")});
    LocalizedText result;
    result.zh = text.string(QStringLiteral("zh"), true).trimmed();
    result.en = text.string(QStringLiteral("en"), true).trimmed();
    return result;
}

} // namespace casedesk
