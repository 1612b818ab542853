#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace casedesk {

// The language the client speaks now (BRIEF §10; the choice itself is Preferences::effectiveLanguage):
// which translators are installed, which half of the rule files' bilingual names is shown, and how
// dates are written. Switching tells every open window through QEvent::LanguageChange.
class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)

public:
    // "zh_CN" or "en"; the rule files' LocalizedText::text() takes it as is.
    static QString current();
    static QStringList codes();
    // Installs the translators of `code` and notifies every widget; unknown codes fall back to English.
    static void apply(const QString &code);
    static QLocale locale();
};

} // namespace casedesk
