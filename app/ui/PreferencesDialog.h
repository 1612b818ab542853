#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace casedesk {

class Preferences;

// The user's preferences on this computer (issue 4 §1, §7): the UI language — Simplified Chinese,
// English, or the system's (Chinese on Chinese locales) — applied at once, and how often to sync.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(Preferences &preferences, QWidget *parent = nullptr);

    QComboBox *languageField() const { return m_language; }
    QSpinBox *syncIntervalField() const { return m_syncInterval; }

    void accept() override;

private:
    Preferences &m_preferences;
    QComboBox *m_language = nullptr;
    QSpinBox *m_syncInterval = nullptr;
};

} // namespace casedesk
