#include "base/LanguageTranslators.h"

#include <QLibraryInfo>
#include <QTranslator>

namespace casedesk {

QStringList LanguageTranslators::languages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString LanguageTranslators::catalogue(const QString &language)
{
    // translations/CMakeLists.txt compiles casedesk_<language>.ts and embeds the .qm under this prefix.
    return QStringLiteral(":/i18n/casedesk_%1.qm").arg(language);
}

LanguageTranslators::LanguageTranslators(QString language)
    : m_language(std::move(language))
{ }

LanguageTranslators::~LanguageTranslators()
{
    if (!QCoreApplication::instance())
        return;
    for (auto it = m_translators.rbegin(); it != m_translators.rend(); ++it)
        QCoreApplication::removeTranslator(it->get());
}

Result<std::unique_ptr<LanguageTranslators>> LanguageTranslators::install(const QString &language)
{
    if (!isKnown(language)) {
        return Error {QStringLiteral("unknown_language"),
            tr("“%1” is not a language CaseDesk speaks; use %2.").arg(language, languages().join(QStringLiteral(", "))),
            {{QStringLiteral("language"), language}}};
    }
    auto own = std::make_unique<QTranslator>();
    if (!QCoreApplication::instance() || !own->load(catalogue(language))) {
        return Error {QStringLiteral("translations_missing"),
            tr("The translations for “%1” are missing from this build.").arg(language),
            {{QStringLiteral("language"), language}}};
    }
    std::unique_ptr<LanguageTranslators> installed(new LanguageTranslators(language));
    // Installed first so it is searched last: CaseDesk's catalogue wins where both translate a text.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed->m_translators.push_back(std::move(qt));
    }
    QCoreApplication::installTranslator(own.get());
    installed->m_translators.insert(installed->m_translators.begin(), std::move(own));
    return installed;
}

} // namespace casedesk
