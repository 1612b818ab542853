#pragma once

#include "domain/LocalizedText.h"

#include <QCoreApplication>

namespace casedesk {

class JsonReader;

// Reads a bilingual name or message of a rule file ({"zh": "…", "en": "…"}) strictly: both languages
// must be given, because the UI shows either one (BRIEF §10).
class LocalizedTextField
{
    Q_DECLARE_TR_FUNCTIONS(LocalizedTextField)

public:
    static LocalizedText read(JsonReader &reader, const QString &key);
};

} // namespace casedesk
