// casedesk-server: wiring only; the subcommands live in ServerCommandLine (CaseDesk::Server).
#include "ServerCommandLine.h"

#include <QGuiApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    // The monthly report's PDF is painted with QPainter, which needs a GUI application; a server has no
    // display, so Qt's offscreen platform is the default (an admin may still choose another).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casedesk-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return casedesk::ServerCommandLine(out, err, QStringLiteral(CASEDESK_VERSION)).run(QCoreApplication::arguments());
}
