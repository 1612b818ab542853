#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace casedesk {

// The translations of one user-interface language (BRIEF §10), installed into the running application
// while the object lives: CaseDesk's own catalogue, compiled in under :/i18n/ (translations/), and Qt's
// (qtbase_*.qm of the Qt installation: dialog buttons, the print dialog). The client and the server share it.
class LanguageTranslators
{
    Q_DECLARE_TR_FUNCTIONS(LanguageTranslators)

public:
    // The codes CaseDesk ships a catalogue for; English is the source language but still has one, for
    // its plural forms ("1 day", "2 days").
    static QStringList languages();
    static bool isKnown(const QString &language) { return languages().contains(language); }
    // The resource path of CaseDesk's compiled catalogue of `language`.
    static QString catalogue(const QString &language);

    // Loads and installs both catalogues; unknown_language when `language` is not one of languages(),
    // translations_missing when CaseDesk's catalogue is not in the binary or there is no application
    // object yet. Qt's own catalogue is optional (a system without it shows Qt's few texts in English).
    static Result<std::unique_ptr<LanguageTranslators>> install(const QString &language);
    // Removes the translators again; QCoreApplication tells every widget (QEvent::LanguageChange).
    ~LanguageTranslators();
    LanguageTranslators(const LanguageTranslators &) = delete;
    LanguageTranslators &operator=(const LanguageTranslators &) = delete;

    QString language() const { return m_language; }
    bool hasQtCatalogue() const { return m_translators.size() > 1; }

private:
    explicit LanguageTranslators(QString language);

    QString m_language;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace casedesk
