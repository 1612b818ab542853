// casedesk-server: wiring only; see ServerCommandLine.
int main()
{
    return 0;
}
