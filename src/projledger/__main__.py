from projledger.cli import main

main()
