#include "ui/UiLanguage.h"

#include <QEvent>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>
#include <vector>

namespace casedesk {

namespace {

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

std::vector<std::unique_ptr<QTranslator>> &installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

} // namespace

QString UiLanguage::current()
{
    return currentCode();
}

QStringList UiLanguage::codes()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

void UiLanguage::apply(const QString &code)
{
    const QString chosen = codes().contains(code) ? code : QStringLiteral("en");
    for (auto &translator : installed())
        QCoreApplication::removeTranslator(translator.get());
    installed().clear();
    currentCode() = chosen;
    if (chosen != QLatin1String("en")) {
        // Qt's own strings (dialog buttons, the print dialog) and ours; ours ship in the resources or
        // next to the executable (translations/ is filled in by its own issue).
        const QStringList locations
            = {QStringLiteral(":/i18n"), QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
                QCoreApplication::applicationDirPath() + QStringLiteral("/../share/casedesk/translations"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)};
        for (const QString &file :
            QStringList {QStringLiteral("qtbase_") + chosen, QStringLiteral("casedesk_") + chosen}) {
            for (const QString &location : locations) {
                auto translator = std::make_unique<QTranslator>();
                if (translator->load(file, location)) {
                    QCoreApplication::installTranslator(translator.get());
                    installed().push_back(std::move(translator));
                    break;
                }
            }
        }
    }
    // Rule-file names switch language without a translator, so the windows are told in any case.
    if (QCoreApplication::instance())
        QCoreApplication::postEvent(QCoreApplication::instance(), new QEvent(QEvent::LanguageChange));
}

QLocale UiLanguage::locale()
{
    return current() == QLatin1String("zh_CN") ? QLocale(QLocale::Chinese, QLocale::China)
                                               : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

} // namespace casedesk
