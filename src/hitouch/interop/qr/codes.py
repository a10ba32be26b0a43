"""Finding the QR codes in a photo's pixels, with zxing-cpp.

The pixels come as 8-bit grey rows (whoever decoded the JPEG or PNG made them); only QR codes
are looked for (with every format on, noise can pass for a one-dimensional barcode).
"""

from __future__ import annotations

from dataclasses import dataclass

import zxingcpp


@dataclass(frozen=True, slots=True)
class GreyPixels:
    """One byte a pixel, `stride` bytes a row (a row may carry padding after `width`)."""

    data: bytes
    width: int
    height: int
    stride: int

    def __post_init__(self) -> None:
        if (
            self.width <= 0
            or self.height <= 0
            or self.stride < self.width
            or len(self.data) < self.stride * self.height
        ):
            raise ValueError("grey pixels: the buffer is smaller than its width, height and stride say")


def qr_texts(pixels: GreyPixels) -> list[str]:
    """The text of every QR code found, top to bottom, left to right; the same text once."""
    view = zxingcpp.ImageView(
        memoryview(pixels.data)[: pixels.stride * pixels.height].cast("B", (pixels.height, pixels.stride)),
        pixels.width,
        pixels.height,
        zxingcpp.ImageFormat.Lum,
        pixels.stride,
        1,
    )
    # Two ways of telling dark from light: the local one copes with shade across a photo, the
    # global one with speckle (noise, print grain) that the local one takes for detail.
    qr_only = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)  # made per call: nanobind frees it
    found = [
        code
        for binarizer in (zxingcpp.Binarizer.LocalAverage, zxingcpp.Binarizer.GlobalHistogram)
        for code in zxingcpp.read_barcodes(view, formats=qr_only, binarizer=binarizer)
    ]
    found.sort(key=lambda code: (code.position.top_left.y // 64, code.position.top_left.x))
    return list(dict.fromkeys(code.text for code in found if code.valid and code.text))
