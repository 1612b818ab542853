#pragma once

#include "base/Error.h"

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace casedesk {

class SessionManager;

// Signing in (issue 4 §1): server address, login, password and "remember me", answered in the server's
// own words when it refuses (wrong password, locked account and when to retry) and with a note when
// this computer has no keychain to remember passwords in. In Renew mode it only asks for the password
// of the running session (SessionManager::passwordNeeded). Closes itself once signed in.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { SignIn, Renew };

    explicit LoginDialog(SessionManager &session, Mode mode = Mode::SignIn, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setServerUrl(const QUrl &url);
    void setLogin(const QString &login);
    void setPassword(const QString &password);
    // Why the dialog is shown (e.g. "Your session has ended …"), above the fields.
    void setReason(const QString &reason);

    QString errorText() const;
    bool isSigningIn() const { return m_busy; }

public slots:
    // What the Sign-in button does: checks the fields and signs in, without blocking the window.
    void submit();

signals:
    void signedIn();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void setBusy(bool busy);
    void showError(const Error &error);
    void updateKeychainNote();
    void fillSavedPassword();
    void chooseCertificate();

    SessionManager &m_session;
    Mode m_mode;
    bool m_busy = false;
    QLabel *m_reason = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_loginLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_certificate = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace casedesk
