// casedesk-server: wiring only; the subcommands live in ServerCommandLine (CaseDesk::Server).
#include "ServerCommandLine.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casedesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return casedesk::ServerCommandLine(out, err, QStringLiteral(CASEDESK_VERSION)).run(QCoreApplication::arguments());
}
