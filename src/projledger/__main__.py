from projledger.entry import main

main()
