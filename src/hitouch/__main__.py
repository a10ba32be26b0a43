from hitouch.cli import main

raise SystemExit(main())
