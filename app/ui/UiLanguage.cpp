#include "ui/UiLanguage.h"

#include "base/LanguageTranslators.h"

#include <QEvent>
#include <QtDebug>

#include <memory>

namespace casedesk {

namespace {

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}

std::unique_ptr<LanguageTranslators> &installed()
{
    static std::unique_ptr<LanguageTranslators> translators;
    return translators;
}

} // namespace

QString UiLanguage::current()
{
    return currentCode();
}

QStringList UiLanguage::codes()
{
    return LanguageTranslators::languages();
}

void UiLanguage::apply(const QString &code)
{
    const QString chosen = codes().contains(code) ? code : QStringLiteral("en");
    installed().reset(); // the previous language's translators go first, or they would answer for both
    currentCode() = chosen;
    // CaseDesk's catalogue from the resources and Qt's own (dialog buttons, the print dialog). English
    // has a catalogue too: it turns "%n day(s)" into "1 day" and "2 days".
    auto translators = LanguageTranslators::install(chosen);
    if (translators)
        installed() = std::move(translators).value();
    else
        qWarning("casedesk: %s", qUtf8Printable(translators.error().message));
    // What asks QLocale() rather than UiLanguage (lists joined in messages, record labels) follows too.
    QLocale::setDefault(locale());
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
