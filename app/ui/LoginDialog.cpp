#include "ui/LoginDialog.h"

#include "session/CredentialStore.h"
#include "session/Preferences.h"
#include "session/SessionManager.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk {

LoginDialog::LoginDialog(SessionManager &session, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
{
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->hide();

    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("https://casedesk.example.cn:8640"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_login->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));

    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    // Shown after a certificate problem: a head office with a self-signed certificate (issue 4 §1).
    m_certificate = new QPushButton(this);
    m_certificate->setObjectName(QStringLiteral("certificateButton"));
    m_certificate->hide();
    connect(m_certificate, &QPushButton::clicked, this, &LoginDialog::chooseCertificate);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("signInButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_serverLabel = new QLabel(this);
    m_loginLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_server);
    m_loginLabel->setBuddy(m_login);
    m_passwordLabel->setBuddy(m_password);
    auto *form = new QFormLayout;
    form->addRow(m_serverLabel, m_server);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_remember);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_error);
    layout->addWidget(m_certificate, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    const Preferences &preferences = session.preferences();
    if (mode == Mode::Renew) {
        m_server->setText(session.server().toString());
        m_login->setText(session.login());
        m_server->setReadOnly(true);
        m_login->setReadOnly(true);
        m_server->setFocusPolicy(Qt::NoFocus);
        m_login->setFocusPolicy(Qt::NoFocus);
    } else {
        m_server->setText(preferences.serverUrl().toString());
        m_login->setText(preferences.lastLogin());
    }
    connect(&session.credentials(), &CredentialStore::availabilityChanged, this, &LoginDialog::updateKeychainNote);
    connect(m_login, &QLineEdit::editingFinished, this, &LoginDialog::fillSavedPassword);
    retranslate();
    updateKeychainNote();
    fillSavedPassword();
    // The counter clerk types the password and presses Enter; everything else is usually pre-filled.
    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (m_login->text().isEmpty())
        m_login->setFocus();
    else
        m_password->setFocus();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::retranslate()
{
    setWindowTitle(m_mode == Mode::Renew ? tr("Sign in again — CaseDesk") : tr("Sign in — CaseDesk"));
    m_serverLabel->setText(tr("&Server:"));
    m_loginLabel->setText(tr("&Login:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_remember->setText(tr("&Remember my password on this computer"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign in"));
    m_certificate->setText(tr("&Trust a certificate…"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(m_mode == Mode::Renew ? tr("&Later") : tr("&Quit"));
    if (m_busy)
        m_status->setText(tr("Signing in…"));
    updateKeychainNote();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LoginDialog::setServerUrl(const QUrl &url)
{
    m_server->setText(url.toString());
    fillSavedPassword();
}

void LoginDialog::setLogin(const QString &login)
{
    m_login->setText(login);
    fillSavedPassword();
}

void LoginDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void LoginDialog::setReason(const QString &reason)
{
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::updateKeychainNote()
{
    const CredentialStore &credentials = m_session.credentials();
    const bool unavailable = credentials.availability() == CredentialStore::Availability::Unavailable;
    m_keychainNote->setText(unavailable ? credentials.unavailableReason() : QString());
    m_keychainNote->setVisible(unavailable);
    m_remember->setEnabled(!unavailable && !m_busy);
    if (unavailable)
        m_remember->setChecked(false);
}

void LoginDialog::fillSavedPassword()
{
    const QUrl server = QUrl::fromUserInput(m_server->text().trimmed());
    const QString login = m_login->text().trimmed();
    if (!server.isValid() || login.isEmpty() || !m_password->text().isEmpty())
        return;
    QPointer<LoginDialog> guard(this);
    m_session.credentials().read(CredentialStore::key(server.adjusted(QUrl::StripTrailingSlash), login),
        [guard, login](std::optional<QString> saved) {
            if (!guard || !saved || guard->m_login->text().trimmed() != login || !guard->m_password->text().isEmpty())
                return;
            guard->m_password->setText(*saved);
            guard->m_remember->setChecked(true);
        });
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_server->setEnabled(!busy);
    m_login->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_status->setText(busy ? tr("Signing in…") : QString());
    updateKeychainNote();
}

void LoginDialog::showError(const Error &error)
{
    m_error->setText(error.message);
    m_error->show();
    if (error.code == QLatin1String("tls_error"))
        m_certificate->show();
    // Put the cursor where the problem is, so the clerk can type the fix straight away.
    const QString field = error.details.value(QLatin1String("field")).toString();
    QLineEdit *focus = m_password;
    if (field == QLatin1String("server") || error.code == QLatin1String("tls_error"))
        focus = m_server;
    else if (field == QLatin1String("login"))
        focus = m_login;
    focus->setFocus();
    focus->selectAll();
}

void LoginDialog::chooseCertificate()
{
    auto *dialog = new QFileDialog(this, tr("Head office's certificate"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Certificates (*.pem *.crt *.cer)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_session.preferences().setTrustedCertificateFile(file);
        m_session.preferences().sync();
        m_error->setText(tr("This certificate will be trusted for the server from now on. Sign in again."));
        m_certificate->hide();
    });
    dialog->open();
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    m_error->clear();
    m_error->hide();
    setBusy(true);
    QPointer<LoginDialog> guard(this);
    auto finished = [guard](Status result) {
        if (!guard)
            return;
        guard->setBusy(false);
        if (!result) {
            guard->showError(result.error());
            return;
        }
        guard->m_password->clear();
        emit guard->signedIn();
        guard->accept();
    };
    if (m_mode == Mode::Renew) {
        m_session.renewWithPassword(m_password->text(), m_remember->isChecked(), std::move(finished));
        return;
    }
    // "casedesk.example.cn:8640" is what people type; the URL gets its scheme here.
    QString typed = m_server->text().trimmed();
    if (!typed.isEmpty() && !typed.contains(QLatin1String("://")))
        typed.prepend(QLatin1String("https://"));
    m_session.signIn(QUrl(typed), m_login->text(), m_password->text(), m_remember->isChecked(), std::move(finished));
}

} // namespace casedesk
