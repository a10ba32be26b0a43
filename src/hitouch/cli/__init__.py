def main(argv=None) -> int:
    print("hitouch 0.1.0")
    return 0
