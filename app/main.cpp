// casedesk: wiring only; see app/ui/ and app/session/.
int main()
{
    return 0;
}
