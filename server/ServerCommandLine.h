#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace casedesk {

// The casedesk-server command line (DESIGN §4): init, serve, user add|disable|enable|reset-password|list,
// branch add|list, backup, restore, demo. Results go to stdout, errors to stderr with a non-zero exit
// code. Passwords are read from files (--password-file, "-" for stdin), never from the argument list,
// where every user of the machine could read them.
class ServerCommandLine
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommandLine)

public:
    ServerCommandLine(QTextStream &out, QTextStream &err, QString version);
    // arguments as QCoreApplication::arguments() gives them (program name first); returns the exit code.
    int run(const QStringList &arguments);

private:
    int init(const QStringList &arguments);
    int serve(const QStringList &arguments);
    int user(const QStringList &arguments);
    int branch(const QStringList &arguments);
    int backup(const QStringList &arguments);
    int restore(const QStringList &arguments);
    int demo(const QStringList &arguments);
    int usage(int code);

    // Parses `arguments` (subcommand words first) with the options added; reports problems itself.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, const QStringList &required);
    Result<QString> readPassword(const QString &file);
    int fail(const Error &error);
    int fail(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
    QString m_version;
    QString m_program = QStringLiteral("casedesk-server");
};

} // namespace casedesk
