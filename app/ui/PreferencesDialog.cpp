#include "ui/PreferencesDialog.h"

#include "session/Preferences.h"
#include "ui/UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace casedesk {

namespace {
// The sync engine's own lower bound applies (Preferences::syncInterval); an hour is the most a
// counter should wait to hear about head office.
constexpr int maxSyncMinutes = 60;
} // namespace

PreferencesDialog::PreferencesDialog(Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("preferencesLanguage"));
    m_language->addItem(tr("System language"), QString());
    for (const QString &code : Preferences::languages())
        m_language->addItem(Preferences::languageName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language())));
    m_syncInterval = new QSpinBox(this);
    m_syncInterval->setObjectName(QStringLiteral("preferencesSyncInterval"));
    m_syncInterval->setRange(1, maxSyncMinutes);
    m_syncInterval->setSuffix(tr(" min"));
    const qint64 minutes = std::chrono::duration_cast<std::chrono::minutes>(preferences.syncInterval()).count();
    m_syncInterval->setValue(int(std::clamp<qint64>(minutes, 1, maxSyncMinutes)));
    auto *form = new QFormLayout;
    form->addRow(tr("&Language / 语言"), m_language);
    form->addRow(tr("&Synchronise every"), m_syncInterval);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void PreferencesDialog::accept()
{
    m_preferences.setLanguage(m_language->currentData().toString());
    m_preferences.setSyncInterval(std::chrono::minutes(m_syncInterval->value()));
    m_preferences.sync();
    if (m_preferences.effectiveLanguage() != UiLanguage::current())
        UiLanguage::apply(m_preferences.effectiveLanguage());
    QDialog::accept();
}

} // namespace casedesk
