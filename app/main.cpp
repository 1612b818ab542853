// casedesk: wiring only; see app/session/ClientApplication and app/ui/.
#include "session/ClientApplication.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    casedesk::ClientApplication client;
    if (!client.start(QApplication::arguments()))
        return client.exitCode();
    return QApplication::exec();
}
