"""QR codes found in photos made for the test: turned, scaled down, under noise, several on one
photo, none on another. The photos are decoded as the import decodes them (Qt's codecs through
hitouch.imaging, no window), then searched with zxing-cpp."""

from __future__ import annotations

import pytest

from hitouch.imaging.photo_reader import QtPhotoReader
from hitouch.services.importing.photos import Picture, read_photo
from photo_fixtures import Code, photo, save, vcard

ZOE = vcard("Zoë Müller", "zoe@fjord.vc", "+44 20 7946 0958", "Fjord Ventures")


def codes_on(tmp_path, image, name="photo.jpg") -> list[str]:
    read = read_photo(save(image, tmp_path / name), QtPhotoReader())
    assert not hasattr(read, "message"), read
    return read.codes


@pytest.mark.parametrize("angle", [0, 17, 45, 90, 133, 180, 271])
def test_a_turned_code_is_read(tmp_path, angle):
    assert codes_on(tmp_path, photo([Code(ZOE, angle=angle)])) == [ZOE]


@pytest.mark.parametrize("module", [2.5, 4.0, 9.0])
def test_a_code_scaled_down_is_read(tmp_path, module):
    assert codes_on(tmp_path, photo([Code(ZOE, module=module)])) == [ZOE]


@pytest.mark.parametrize(("noise", "module"), [(0.03, 5), (0.05, 5), (0.10, 8)])
def test_a_code_under_noise_is_read(tmp_path, noise, module):
    assert codes_on(tmp_path, photo([Code(ZOE, module=module, angle=8)], noise=noise)) == [ZOE]


def test_several_codes_on_one_photo_are_all_read(tmp_path):
    texts = [vcard(f"Person {n}", f"p{n}@example.org") for n in range(4)]
    image = photo(
        [
            Code(texts[0], 0.25, 0.3, module=5, angle=0),
            Code(texts[1], 0.75, 0.3, module=4, angle=17),
            Code(texts[2], 0.25, 0.75, module=4.5, angle=123),
            Code(texts[3], 0.75, 0.75, module=6, angle=200),
        ],
        width=2000,
        height=1500,
    )
    assert sorted(codes_on(tmp_path, image)) == sorted(texts)


def test_a_photo_without_a_code_gives_none(tmp_path):
    assert codes_on(tmp_path, photo([], noise=0.02)) == []


def test_a_large_photo_is_read_scaled_down_and_kept_small(tmp_path):
    path = save(photo([Code(ZOE, module=9)], width=4000, height=3000), tmp_path / "big.jpg")
    read = read_photo(path, QtPhotoReader())
    picture: Picture = read.picture
    assert read.codes == [ZOE]
    assert max(picture.grey.width, picture.grey.height) == 3000
    assert (picture.card_width, picture.card_height) == (1600, 1200)
    assert len(picture.card_image) < path.stat().st_size


def test_png_and_jpeg_are_read_by_their_content_whatever_their_names(tmp_path):
    png = save(photo([Code(ZOE)]), tmp_path / "badge.png")
    misnamed = tmp_path / "badge.jpg"
    misnamed.write_bytes(png.read_bytes())
    assert read_photo(misnamed, QtPhotoReader()).codes == [ZOE]
